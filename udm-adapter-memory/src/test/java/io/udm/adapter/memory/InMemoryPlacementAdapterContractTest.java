package io.udm.adapter.memory;

import io.udm.spi.PlacementRegistry;
import io.udm.spi.contract.PlacementRegistryContract;

class InMemoryPlacementAdapterContractTest extends PlacementRegistryContract {
  @Override
  protected PlacementRegistry newRegistry() {
    return new InMemoryPlacementAdapter();
  }
}
