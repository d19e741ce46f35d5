package io.udm.adapter.mongo.contract;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/** The port contracts on the Mongo adapters over mongo-java-server on a loopback port: real sockets, real driver. */
class InJvmMongoContractsTest extends MongoContracts {
  private MongoServer server;

  @Override
  protected String startServer() {
    server = new MongoServer(new MemoryBackend());
    InetSocketAddress address = server.bind();
    return "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  @Override
  protected void stopServer() {
    if (server != null) {
      server.shutdownNow();
    }
  }
}
