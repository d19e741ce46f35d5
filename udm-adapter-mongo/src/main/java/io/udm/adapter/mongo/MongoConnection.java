package io.udm.adapter.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientException;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.connection.ClusterType;
import io.udm.api.config.Redaction;
import io.udm.api.error.ValidationException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * One MongoClient on one database: built from a connection string and {@link MongoSettings},
 * checked with a ping, and asked once whether it can run transactions. Shared by both storages.
 */
final class MongoConnection implements AutoCloseable {
  private static final BsonDocument PING = new BsonDocument("ping", new BsonInt32(1));
  /** Deployments whose servers run multi-document transactions (a standalone server does not). */
  private static final Set<ClusterType> TRANSACTIONAL = Set.of(ClusterType.REPLICA_SET, ClusterType.SHARDED, ClusterType.LOAD_BALANCED);

  private final MongoClient client;
  private final MongoDatabase database;
  private final MongoErrors errors;
  private final boolean supportsTransactions;

  private MongoConnection(MongoClient client, MongoDatabase database, MongoErrors errors, boolean supportsTransactions) {
    this.client = client;
    this.database = database;
    this.errors = errors;
    this.supportsTransactions = supportsTransactions;
  }

  /** Connects and pings; a server that cannot be reached fails here, with a transient StorageException. */
  static MongoConnection open(String connectionString, MongoSettings settings) {
    Objects.requireNonNull(connectionString, "connectionString");
    Objects.requireNonNull(settings, "settings");
    String endpoint = Redaction.mongoUri(connectionString);
    MongoErrors errors = new MongoErrors(endpoint);
    ConnectionString parsed = parse(connectionString, endpoint);
    MongoClient client = errors.call("start a client", () -> MongoClients.create(clientSettings(parsed, settings)));
    try {
      MongoDatabase database = client.getDatabase(settings.databaseName());
      errors.run("answer a ping", () -> database.runCommand(PING));
      boolean transactions = errors.call("tell whether it supports transactions", () -> detectTransactions(client, database));
      return new MongoConnection(client, database, errors, transactions);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  MongoDatabase database() {
    return database;
  }

  MongoCollection<BsonDocument> collection(String name) {
    return database.getCollection(name, BsonDocument.class);
  }

  MongoErrors errors() {
    return errors;
  }

  String endpoint() {
    return errors.endpoint();
  }

  boolean supportsTransactions() {
    return supportsTransactions;
  }

  @Override
  public void close() {
    client.close();
  }

  private static ConnectionString parse(String connectionString, String endpoint) {
    try {
      return new ConnectionString(connectionString);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("the MongoDB connection string " + endpoint + " is invalid: "
          + MongoErrors.sanitized(e.getMessage()));
    }
  }

  /** {@link MongoSettings} fill in what the connection string leaves unset. */
  private static MongoClientSettings clientSettings(ConnectionString uri, MongoSettings settings) {
    MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(uri);
    if (uri.getWriteConcern() == null) {
      builder.writeConcern(settings.writeConcern());
    }
    if (uri.getReadConcern() == null) {
      builder.readConcern(settings.readConcern());
    }
    if (uri.getRetryWritesValue() == null) {
      builder.retryWrites(settings.retryWrites());
    }
    if (uri.getApplicationName() == null) {
      builder.applicationName(settings.applicationName());
    }
    settings.commandListeners().forEach(builder::addCommandListener);
    builder.applyToSocketSettings(socket -> {
      if (uri.getConnectTimeout() == null) {
        socket.connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
      if (uri.getSocketTimeout() == null) {
        socket.readTimeout(settings.socketTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    });
    builder.applyToClusterSettings(cluster -> {
      if (uri.getServerSelectionTimeout() == null) {
        cluster.serverSelectionTimeout(settings.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    });
    builder.applyToConnectionPoolSettings(pool -> {
      if (uri.getMaxConnectionPoolSize() == null) {
        pool.maxSize(settings.maxPoolSize());
      }
    });
    return builder.build();
  }

  /**
   * Sessions first: a server without them (mongo-java-server) refuses the first operation on a
   * session with a MongoClientException. Then the deployment: only replica sets and sharded clusters
   * run transactions; a standalone mongod has sessions but no transactions.
   */
  private static boolean detectTransactions(MongoClient client, MongoDatabase database) {
    try (ClientSession session = client.startSession()) {
      database.runCommand(session, PING);
    } catch (MongoClientException e) {
      return false;
    }
    return TRANSACTIONAL.contains(client.getClusterDescription().getType());
  }
}
