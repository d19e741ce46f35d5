package io.udm.adapter.mongo.contract;

import io.udm.adapter.mongo.MongoStorage;
import io.udm.spi.VersionLog;
import io.udm.spi.contract.VersionLogContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link VersionLog} contract on the Mongo adapter, over one mongo-java-server for the whole class. */
class MongoVersionLogContractTest extends VersionLogContract {
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
  protected VersionLog newLog() {
    return storage.versions();
  }
}
