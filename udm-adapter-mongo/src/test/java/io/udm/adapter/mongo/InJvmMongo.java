package io.udm.adapter.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;

/** One mongo-java-server on a random loopback port, reached over real sockets by the real driver. */
final class InJvmMongo implements AutoCloseable {
  private final MongoServer server;
  private final String uri;

  private InJvmMongo(MongoServer server, InetSocketAddress address) {
    this.server = server;
    this.uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  static InJvmMongo start() {
    MongoServer server = new MongoServer(new MemoryBackend());
    return new InJvmMongo(server, server.bind());
  }

  String uri() {
    return uri;
  }

  /** Settings for tests: the defaults, with a database of the caller's choosing. */
  static MongoSettings settings(String databaseName) {
    return MongoSettings.builder().databaseName(databaseName).serverSelectionTimeout(Duration.ofSeconds(30)).build();
  }

  MongoStorage openStorage(String databaseName) {
    return MongoStorage.open(uri, settings(databaseName));
  }

  MongoCountersStorage openCounters(String databaseName) {
    return MongoCountersStorage.open(uri, settings(databaseName), "dead_letters");
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
