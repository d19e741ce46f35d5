package io.udm.adapter.memory;

import io.udm.spi.IndexStates;
import io.udm.spi.contract.IndexStatesContract;

class InMemoryIndexStateAdapterContractTest extends IndexStatesContract {
  @Override
  protected IndexStates newStates() {
    return new InMemoryIndexStateAdapter();
  }
}
