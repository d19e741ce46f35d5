package io.udm.adapter.memory;

import io.udm.spi.SequenceStore;
import io.udm.spi.contract.SequenceStoreContract;

class InMemorySequenceAdapterContractTest extends SequenceStoreContract {
  @Override
  protected SequenceStore newStore() {
    return new InMemorySequenceAdapter();
  }
}
