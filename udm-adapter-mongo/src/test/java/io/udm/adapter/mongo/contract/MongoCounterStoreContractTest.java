package io.udm.adapter.mongo.contract;

import io.udm.adapter.mongo.MongoCountersStorage;
import io.udm.spi.CounterStore;
import io.udm.spi.contract.CounterStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link CounterStore} contract on the Mongo adapter, over one mongo-java-server for the whole class. */
class MongoCounterStoreContractTest extends CounterStoreContract {
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
  protected CounterStore newStore() {
    return storage.counters();
  }
}
