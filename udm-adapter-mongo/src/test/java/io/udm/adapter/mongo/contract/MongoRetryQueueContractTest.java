package io.udm.adapter.mongo.contract;

import io.udm.adapter.mongo.MongoCountersStorage;
import io.udm.spi.RetryQueue;
import io.udm.spi.contract.RetryQueueContract;
import io.udm.spi.contract.TestRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The {@link RetryQueue} contract on the Mongo adapter, over one mongo-java-server for the whole
 * class. The contract needs an empty queue per test: each gets a queue and a dead-letter collection
 * of fresh names in the counters database.
 */
class MongoRetryQueueContractTest extends RetryQueueContract {
  private static InJvmMongoServer server;
  private static MongoCountersStorage storage;

  @BeforeAll
  static void startServer() {
    server = InJvmMongoServer.start();
    storage = server.openCounters();
  }

  @AfterAll
  static void stopServer() {
    storage.close();
    server.close();
  }

  @Override
  protected RetryQueue newQueue() {
    String unique = TestRecords.unique();
    return storage.retryQueue("retry_queue_" + unique, "dead_letters_" + unique);
  }
}
