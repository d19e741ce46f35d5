package io.udm.app;

import io.udm.adapter.memory.InMemoryPlacementAdapter;

/** Fresh in-memory stores for every test, their blobs stamped by the test clock. */
public final class MemoryStores implements TestStores {
  private final String[] backendIds;

  public MemoryStores(String... backendIds) {
    this.backendIds = backendIds.clone();
  }

  @Override
  public MutableClock clock(String start) {
    return MutableClock.startingAt(start);
  }

  @Override
  public StoragePorts ports(MutableClock clock) {
    return MemoryPorts.withBackends(new InMemoryPlacementAdapter(), clock, backendIds);
  }
}
