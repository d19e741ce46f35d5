package io.udm.bootstrap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.udm.app.StoragePorts;
import io.udm.bootstrap.wiring.PortDecorator;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobStore;
import io.udm.spi.CounterStore;
import io.udm.spi.EffectsOutbox;
import io.udm.spi.HeadStore;
import io.udm.spi.HealthProbe;
import io.udm.spi.PlacementRegistry;
import io.udm.spi.RequestMemos;
import io.udm.spi.RetryQueue;
import io.udm.spi.SequenceStore;
import io.udm.spi.VersionLog;
import java.util.List;

/**
 * Meter {@code udm.storage.calls}: requests to storage, tagged with the backend's id (or {@code
 * counters} for the shared counters store), the store, the port, the call, the request and whether it
 * failed. This decorator names every port of every backend; what it does with each depends on the
 * wiring. On MongoDB + S3 it marks each port call ({@link #markingCalls()}), and the clients' own
 * listeners ({@link StorageRequests}) count the requests the call sends, as many as the servers
 * receive. On the in-memory adapters a port call is the one request its store receives, so it is
 * counted here ({@link #countingCalls}).
 */
public final class MeteredPorts implements PortDecorator {
  static final String METER = "udm.storage.calls";
  static final String DESCRIPTION = "Requests UDM sent to its storage";
  static final String COUNTERS_BACKEND = "counters";
  /** The port of health probes; their one call is {@code ping}. */
  static final String HEALTH_PORT = "health";
  private static final String MEMORY = "memory";

  /** Puts one port of one backend behind the meter. A method reference: a lambda cannot be generic. */
  private interface PortWrapper {
    <T> T wrap(Class<T> type, T port, String backend, String store, String portName);
  }

  private final PortWrapper wrapper;
  private final String databaseStore;
  private final String objectStore;

  private MeteredPorts(PortWrapper wrapper, String databaseStore, String objectStore) {
    this.wrapper = wrapper;
    this.databaseStore = databaseStore;
    this.objectStore = objectStore;
  }

  /** For the in-memory adapters: every port call counts once, tagged store {@code memory} and request = call. */
  public static MeteredPorts countingCalls(MeterRegistry registry) {
    return new MeteredPorts(new CallCounting(registry)::counted, MEMORY, MEMORY);
  }

  /** For MongoDB + S3: every port call is marked for the clients' listeners, which count its requests. */
  public static MeteredPorts markingCalls() {
    return new MeteredPorts(MeteredPorts::marked, StorageRequests.MONGO, StorageRequests.S3);
  }

  @Override
  public StoragePorts decorate(StoragePorts ports) {
    List<BackendPorts> backends = ports.backends().stream().map(this::metered).toList();
    return new StoragePorts(backends,
        wrap(CounterStore.class, ports.counters(), COUNTERS_BACKEND, databaseStore, "counters"),
        wrap(PlacementRegistry.class, ports.placements(), COUNTERS_BACKEND, databaseStore, "placements"),
        wrap(io.udm.spi.IndexStates.class, ports.indexStates(), COUNTERS_BACKEND, databaseStore, "indexStates"),
        wrap(io.udm.spi.HoldStore.class, ports.holds(), COUNTERS_BACKEND, databaseStore, "holds"),
        wrap(RetryQueue.class, ports.retryQueue(), COUNTERS_BACKEND, databaseStore, "retryQueue"),
        wrap(HealthProbe.class, ports.countersProbe(), COUNTERS_BACKEND, databaseStore, HEALTH_PORT),
        ports.resources());
  }

  private BackendPorts metered(BackendPorts b) {
    String id = b.backendId();
    return new BackendPorts(b.index(), id,
        wrap(HeadStore.class, b.heads(), id, databaseStore, "heads"),
        wrap(VersionLog.class, b.versions(), id, databaseStore, "versions"),
        wrap(EffectsOutbox.class, b.outbox(), id, databaseStore, "outbox"),
        wrap(RequestMemos.class, b.requestMemos(), id, databaseStore, "requestMemos"),
        wrap(SequenceStore.class, b.sequences(), id, databaseStore, "sequences"),
        wrap(BlobStore.class, b.blobs(), id, objectStore, "blobs"),
        wrap(HealthProbe.class, b.mongoProbe(), id, databaseStore, HEALTH_PORT),
        wrap(HealthProbe.class, b.blobProbe(), id, objectStore, HEALTH_PORT),
        b.mongoEndpoint(), b.blobEndpoint());
  }

  /** Ports a wiring leaves out (null) stay out. */
  private <T> T wrap(Class<T> type, T port, String backend, String store, String portName) {
    return port == null ? null : wrapper.wrap(type, port, backend, store, portName);
  }

  private static <T> T marked(Class<T> type, T port, String backend, String store, String portName) {
    return MarkedPortProxy.of(type, port, backend, portName);
  }

  /** Times each call of the in-memory ports, as the one request it is. */
  private record CallCounting(MeterRegistry registry) {
    <T> T counted(Class<T> type, T port, String backend, String store, String portName) {
      CallTimers timers = new CallTimers(registry, METER, DESCRIPTION,
          Tags.of("backend", backend, "store", store, "port", portName), "call", "request");
      return TimedProxy.of(type, port, timers, Outcomes::ofStorageCall, Outcomes::ofStorageFailure);
    }
  }
}
