package io.udm.adapter.mongo;

import io.udm.spi.EffectsOutbox;
import io.udm.spi.RequestMemos;
import io.udm.spi.VersionLog;
import java.util.Collection;

/**
 * The MongoDB of one backend: {@code heads}, {@code versions} and {@code sequences} in one database.
 * Opening connects, pings, detects transaction support and creates every index (idempotently: a
 * second open finds them in place). Close it to release the client.
 */
public final class MongoStorage implements AutoCloseable {
  private final MongoConnection connection;
  private final MongoHeadAdapter heads;
  private final MongoVersionLogAdapter versions;
  private final MongoSequenceAdapter sequences;
  private final MongoHealthAdapter health;

  private MongoStorage(MongoConnection connection) {
    this.connection = connection;
    MongoErrors errors = connection.errors();
    this.heads = new MongoHeadAdapter(connection.collection(MongoHeadAdapter.COLLECTION), errors);
    this.versions = new MongoVersionLogAdapter(connection.collection(MongoVersionLogAdapter.COLLECTION),
        connection.collection(MongoVersionLogAdapter.PRUNED_REQUESTS), errors);
    this.sequences = new MongoSequenceAdapter(connection.collection(MongoSequenceAdapter.COLLECTION), errors);
    this.health = new MongoHealthAdapter(connection.database(), errors);
  }

  /**
   * @param connectionString a {@code mongodb://} or {@code mongodb+srv://} URI; it never appears
   *     unredacted in a message
   * @throws io.udm.api.error.StorageException when the server cannot be reached (transient) or
   *     refuses the indexes
   */
  public static MongoStorage open(String connectionString, MongoSettings settings) {
    MongoConnection connection = MongoConnection.open(connectionString, settings);
    try {
      MongoStorage storage = new MongoStorage(connection);
      storage.heads.createIndexes();
      storage.versions.createIndexes();
      return storage;
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  public MongoHeadAdapter heads() {
    return heads;
  }

  public VersionLog versions() {
    return versions;
  }

  /** The after-commit work versions owe, kept on their records in the {@code versions} collection. */
  public EffectsOutbox outbox() {
    return versions;
  }

  /** The memos of pruned versions' request ids ({@code pruned_requests}). */
  public RequestMemos requestMemos() {
    return versions;
  }

  public MongoSequenceAdapter sequences() {
    return sequences;
  }

  public MongoHealthAdapter health() {
    return health;
  }

  /**
   * This backend's permanent id: {@code proposedId} if the backend is fresh, else the id recorded
   * when it was first opened (connection strings may change; identity must not).
   */
  public String claimBackendId(String proposedId) {
    return new BackendIdentity(connection.collection(BackendIdentity.COLLECTION), connection.errors()).claim(proposedId);
  }

  /** Whether the deployment runs multi-document transactions (a replica set or sharded cluster). */
  public boolean supportsTransactions() {
    return connection.supportsTransactions();
  }

  /** The connection string without credentials, for messages and health reports. */
  public String endpoint() {
    return connection.endpoint();
  }

  /** Adds a listing index per indexed meta property (e.g. a collection's indexedProps); idempotent. */
  public void createQueryIndexes(Collection<String> metaPaths) {
    heads.createQueryIndexes(metaPaths);
  }

  @Override
  public void close() {
    connection.close();
  }
}
