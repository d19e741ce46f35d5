package io.udm.adapter.memory;

import io.udm.spi.CounterStore;
import io.udm.spi.contract.CounterStoreContract;

class InMemoryCounterAdapterContractTest extends CounterStoreContract {
  @Override
  protected CounterStore newStore() {
    return new InMemoryCounterAdapter();
  }
}
