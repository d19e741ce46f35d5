package io.udm.adapter.memory;

import io.udm.spi.HoldStore;
import io.udm.spi.contract.HoldStoreContract;

class InMemoryHoldAdapterContractTest extends HoldStoreContract {
  @Override
  protected HoldStore newStore() {
    return new InMemoryHoldAdapter();
  }
}
