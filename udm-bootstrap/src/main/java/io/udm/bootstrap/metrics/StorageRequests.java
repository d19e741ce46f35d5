package io.udm.bootstrap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.udm.bootstrap.wiring.ClientListeners;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts the requests the MongoDB and S3 clients send, as the servers receive them: meter {@code
 * udm.storage.calls}, tagged with the port call that sent the request ({@link PortCall}: backend,
 * port, call; {@code none} outside any), the store, the request (a MongoDB command's name, an S3
 * operation's name) and whether the server answered it with success. Timers are looked up once per
 * combination, not built per request.
 */
public final class StorageRequests {
  static final String MONGO = "mongo";
  static final String S3 = "s3";

  private record Key(PortCall portCall, String store, String request, String outcome) {}

  private final MeterRegistry registry;
  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

  private StorageRequests(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * A command listener for the MongoDB clients and an execution interceptor for the S3 clients,
   * counting into {@code registry}.
   */
  public static ClientListeners clientListeners(MeterRegistry registry) {
    StorageRequests requests = new StorageRequests(registry);
    return new ClientListeners(List.of(new MongoRequestMeter(requests)), List.of(new S3RequestMeter(requests)));
  }

  /** One request to {@code store}, sent by the port call running on this thread, that took {@code nanos}. */
  void record(String store, String request, boolean succeeded, long nanos) {
    Key key = new Key(PortCall.current(), store, request, succeeded ? Outcomes.OK : Outcomes.ERROR);
    timers.computeIfAbsent(key, k -> Timer.builder(MeteredPorts.METER)
            .description(MeteredPorts.DESCRIPTION)
            .tag("backend", k.portCall().backend())
            .tag("store", k.store())
            .tag("port", k.portCall().port())
            .tag("call", k.portCall().call())
            .tag("request", k.request())
            .tag("outcome", k.outcome())
            .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
