package io.udm.app.faults;

import io.udm.adapter.memory.InMemoryBackends;
import io.udm.adapter.memory.InMemoryCounterAdapter;
import io.udm.adapter.memory.InMemoryHealthAdapter;
import io.udm.adapter.memory.InMemoryPlacementAdapter;
import io.udm.adapter.memory.InMemoryRetryQueueAdapter;
import io.udm.api.config.UdmConfig;
import io.udm.app.MutableClock;
import io.udm.app.StoragePorts;
import java.util.List;

/** Fresh in-memory stores whose blobs are stamped by the test clock. */
public final class MemoryFaultFixtures {
  private MemoryFaultFixtures() {}

  public static FaultFixture fresh() {
    MutableClock clock = MutableClock.startingAt("2026-03-01T00:00:00Z");
    StoragePorts ports = new StoragePorts(List.of(InMemoryBackends.backend(0, "m-0", clock)),
        new InMemoryCounterAdapter(), new InMemoryPlacementAdapter(), new io.udm.adapter.memory.InMemoryIndexStateAdapter(),
        new io.udm.adapter.memory.InMemoryHoldAdapter(),
        new InMemoryRetryQueueAdapter(),
        new InMemoryHealthAdapter("counters"), List.of());
    return new FaultFixture(ports, clock, UdmConfig.builder().build());
  }
}
