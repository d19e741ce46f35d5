package io.udm.adapter.mongo.contract;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.udm.adapter.mongo.MongoCountersStorage;
import io.udm.adapter.mongo.MongoStorage;
import java.net.InetSocketAddress;

/**
 * One mongo-java-server (memory backend) on a random loopback port, reached over real sockets by
 * the real driver. A contract test class starts one in {@code @BeforeAll} and closes it in {@code
 * @AfterAll}; its tests share it.
 */
final class InJvmMongoServer implements AutoCloseable {
  private final MongoServer server;
  private final String uri;

  private InJvmMongoServer(MongoServer server, InetSocketAddress address) {
    this.server = server;
    this.uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  static InJvmMongoServer start() {
    MongoServer server = new MongoServer(new MemoryBackend());
    return new InJvmMongoServer(server, server.bind());
  }

  MongoStorage openStorage() {
    return MongoContractStorages.openStorage(uri);
  }

  MongoCountersStorage openCounters() {
    return MongoContractStorages.openCounters(uri);
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
