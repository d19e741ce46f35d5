package io.udm.adapter.memory;

import io.udm.spi.HeadStore;
import io.udm.spi.contract.HeadStoreContract;

class InMemoryHeadAdapterContractTest extends HeadStoreContract {
  @Override
  protected HeadStore newStore() {
    return new InMemoryHeadAdapter();
  }
}
