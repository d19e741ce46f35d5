package io.udm.bootstrap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.udm.app.StoragePorts;
import io.udm.bootstrap.wiring.PortDecorator;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobStore;
import io.udm.spi.CounterStore;
import io.udm.spi.HeadStore;
import io.udm.spi.PlacementRegistry;
import io.udm.spi.RetryQueue;
import io.udm.spi.SequenceStore;
import io.udm.spi.EffectsOutbox;
import io.udm.spi.RequestMemos;
import io.udm.spi.VersionLog;
import java.util.List;

/**
 * Times every storage call: meter {@code udm.storage.calls}, tagged with the backend's id (or
 * {@code counters} for the shared counters store), the store ({@code mongo}, {@code s3}, or
 * {@code memory}), the port, the call and whether it failed. Health probes are not timed.
 */
public final class MeteredPorts implements PortDecorator {
  static final String METER = "udm.storage.calls";
  private static final String DESCRIPTION = "Calls UDM made to its storage";
  static final String COUNTERS_BACKEND = "counters";

  private final MeterRegistry registry;
  private final String databaseStore;
  private final String objectStore;

  /** {@code databaseStore} and {@code objectStore} name the stores behind the ports: "mongo" and "s3", or "memory". */
  public MeteredPorts(MeterRegistry registry, String databaseStore, String objectStore) {
    this.registry = registry;
    this.databaseStore = databaseStore;
    this.objectStore = objectStore;
  }

  @Override
  public StoragePorts decorate(StoragePorts ports) {
    List<BackendPorts> backends = ports.backends().stream().map(this::timed).toList();
    return new StoragePorts(backends,
        timed(CounterStore.class, ports.counters(), COUNTERS_BACKEND, databaseStore, "counters"),
        timed(PlacementRegistry.class, ports.placements(), COUNTERS_BACKEND, databaseStore, "placements"),
        timed(RetryQueue.class, ports.retryQueue(), COUNTERS_BACKEND, databaseStore, "retryQueue"),
        ports.countersProbe(), ports.resources());
  }

  private BackendPorts timed(BackendPorts b) {
    String id = b.backendId();
    return new BackendPorts(b.index(), id,
        timed(HeadStore.class, b.heads(), id, databaseStore, "heads"),
        timed(VersionLog.class, b.versions(), id, databaseStore, "versions"),
        timed(EffectsOutbox.class, b.outbox(), id, databaseStore, "outbox"),
        timed(RequestMemos.class, b.requestMemos(), id, databaseStore, "requestMemos"),
        timed(SequenceStore.class, b.sequences(), id, databaseStore, "sequences"),
        timed(BlobStore.class, b.blobs(), id, objectStore, "blobs"),
        b.mongoProbe(), b.blobProbe(), b.mongoEndpoint(), b.blobEndpoint());
  }

  private <T> T timed(Class<T> port, T target, String backend, String store, String portName) {
    CallTimers timers = new CallTimers(registry, METER, DESCRIPTION,
        Tags.of("backend", backend, "store", store, "port", portName), "call");
    return TimedProxy.of(port, target, timers, Outcomes::ofStorageCall, Outcomes::ofStorageFailure);
  }
}
