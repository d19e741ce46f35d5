package io.udm.adapter.mongo.contract;

import io.udm.adapter.mongo.MongoStorage;
import io.udm.spi.VersionLog;
import io.udm.spi.contract.VersionLogContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The {@link VersionLog} contract on the Mongo adapter over a real MongoDB replica set; skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerVersionLogContractTest extends VersionLogContract {
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
  protected VersionLog newLog() {
    return storage.versions();
  }
}
