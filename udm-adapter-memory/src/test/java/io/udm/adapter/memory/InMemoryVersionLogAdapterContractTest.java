package io.udm.adapter.memory;

import io.udm.spi.VersionLog;
import io.udm.spi.contract.VersionLogContract;

class InMemoryVersionLogAdapterContractTest extends VersionLogContract {
  @Override
  protected VersionLog newLog() {
    return new InMemoryVersionLogAdapter();
  }
}
