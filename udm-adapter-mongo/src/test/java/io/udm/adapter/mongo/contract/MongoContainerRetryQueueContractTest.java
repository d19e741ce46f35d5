package io.udm.adapter.mongo.contract;

import io.udm.adapter.mongo.MongoCountersStorage;
import io.udm.spi.RetryQueue;
import io.udm.spi.contract.RetryQueueContract;
import io.udm.spi.contract.TestRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The {@link RetryQueue} contract on the Mongo adapter over a real MongoDB replica set; skipped
 * without Docker. Each test gets an empty queue: collections of fresh names.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerRetryQueueContractTest extends RetryQueueContract {
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
  protected RetryQueue newQueue() {
    String unique = TestRecords.unique();
    return storage.retryQueue("retry_queue_" + unique, "dead_letters_" + unique);
  }
}
