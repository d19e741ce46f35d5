package io.udm.adapter.memory;

import io.udm.spi.BlobStore;
import io.udm.spi.contract.BlobStoreContract;

class InMemoryBlobAdapterContractTest extends BlobStoreContract {
  @Override
  protected BlobStore newStore() {
    return new InMemoryBlobAdapter();
  }
}
