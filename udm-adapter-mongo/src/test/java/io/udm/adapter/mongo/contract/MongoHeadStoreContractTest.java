package io.udm.adapter.mongo.contract;

import io.udm.adapter.mongo.MongoStorage;
import io.udm.spi.HeadStore;
import io.udm.spi.contract.HeadStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link HeadStore} contract on the Mongo adapter, over one mongo-java-server for the whole class. */
class MongoHeadStoreContractTest extends HeadStoreContract {
  private static InJvmMongoServer server;
  private static MongoStorage storage;

  @BeforeAll
  static void startServer() {
    server = InJvmMongoServer.start();
    storage = server.openStorage();
  }

  @AfterAll
  static void stopServer() {
    storage.close();
    server.close();
  }

  @Override
  protected HeadStore newStore() {
    return storage.heads();
  }
}
