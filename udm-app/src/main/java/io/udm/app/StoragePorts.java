package io.udm.app;

import io.udm.spi.BackendPorts;
import io.udm.spi.CounterStore;
import io.udm.spi.HealthProbe;
import io.udm.spi.HoldStore;
import io.udm.spi.IndexStates;
import io.udm.spi.PlacementRegistry;
import io.udm.spi.RetryQueue;
import java.util.List;

/**
 * Everything one adapter set provides: the backend pairs, the shared counters store (counters,
 * placements, index states, legal holds, retry queue), and the resources to close on shutdown.
 */
public record StoragePorts(
    List<BackendPorts> backends,
    CounterStore counters,
    PlacementRegistry placements,
    IndexStates indexStates,
    HoldStore holds,
    RetryQueue retryQueue,
    HealthProbe countersProbe,
    List<AutoCloseable> resources) {
  public StoragePorts {
    if (backends.isEmpty()) {
      throw new IllegalArgumentException("at least one backend pair is required");
    }
    backends = List.copyOf(backends);
    resources = List.copyOf(resources);
  }
}
