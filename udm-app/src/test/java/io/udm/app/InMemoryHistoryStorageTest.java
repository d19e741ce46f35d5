package io.udm.app;

import io.udm.api.config.UdmConfig;

/** The storage-level history checks on the in-memory adapters. */
class InMemoryHistoryStorageTest extends HistoryStorageSuite {
  @Override
  protected StoragePorts openPorts(UdmConfig config, MutableClock clock) {
    return MemoryPorts.withBackends("m-0", "m-1");
  }
}
