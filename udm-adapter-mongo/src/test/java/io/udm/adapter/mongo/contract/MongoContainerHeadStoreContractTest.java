package io.udm.adapter.mongo.contract;

import io.udm.adapter.mongo.MongoStorage;
import io.udm.spi.HeadStore;
import io.udm.spi.contract.HeadStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The {@link HeadStore} contract on the Mongo adapter over a real MongoDB replica set; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerHeadStoreContractTest extends HeadStoreContract {
  private static MongoStorage storage;

  @BeforeAll
  static void openStorage() {
    storage = MongoContractStorages.openStorage(SharedMongoContainer.replicaSetUrl());
  }

  @AfterAll
  static void closeStorage() {
    storage.close();
  }

  @Override
  protected HeadStore newStore() {
    return storage.heads();
  }
}
