package io.udm.adapter.memory;

import io.udm.spi.contract.VersionLogContract;
import io.udm.spi.contract.VersionRecordPorts;

class InMemoryVersionLogAdapterContractTest extends VersionLogContract {
  @Override
  protected VersionRecordPorts newLog() {
    return VersionRecordPorts.of(new InMemoryVersionLogAdapter());
  }
}
