package io.udm.adapter.mongo.contract;

import io.udm.adapter.mongo.MongoCountersStorage;
import io.udm.spi.PlacementRegistry;
import io.udm.spi.contract.PlacementRegistryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The {@link PlacementRegistry} contract on the Mongo adapter over a real MongoDB replica set; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerPlacementRegistryContractTest extends PlacementRegistryContract {
  private static MongoCountersStorage storage;

  @BeforeAll
  static void openStorage() {
    storage = MongoContractStorages.openCounters(SharedMongoContainer.replicaSetUrl());
  }

  @AfterAll
  static void closeStorage() {
    storage.close();
  }

  @Override
  protected PlacementRegistry newRegistry() {
    return storage.placements();
  }
}
