package io.udm.adapter.mongo;

import io.udm.api.error.ValidationException;
import java.util.Objects;

/**
 * The counters MongoDB: {@code counters}, {@code placements}, {@code index_states}, {@code holds}, the retry queue {@code retry_queue}
 * and its dead letters (a collection whose name the configuration gives). Opening connects, pings,
 * detects transaction support and creates every index idempotently.
 */
public final class MongoCountersStorage implements AutoCloseable {
  private final MongoConnection connection;
  private final MongoCounterAdapter counters;
  private final MongoPlacementAdapter placements;
  private final MongoIndexStateAdapter indexStates;
  private final MongoHoldAdapter holds;
  private final MongoRetryQueueAdapter retryQueue;
  private final MongoHealthAdapter health;

  private MongoCountersStorage(MongoConnection connection, String deadLetterCollection) {
    this.connection = connection;
    MongoErrors errors = connection.errors();
    this.counters = new MongoCounterAdapter(connection.collection(MongoCounterAdapter.COLLECTION), errors);
    this.placements = new MongoPlacementAdapter(connection.collection(MongoPlacementAdapter.COLLECTION), errors);
    this.indexStates = new MongoIndexStateAdapter(connection.collection(MongoIndexStateAdapter.COLLECTION), errors);
    this.holds = new MongoHoldAdapter(connection.collection(MongoHoldAdapter.COLLECTION), errors);
    this.retryQueue = newRetryQueue(MongoRetryQueueAdapter.COLLECTION, deadLetterCollection);
    this.health = new MongoHealthAdapter(connection.database(), errors);
  }

  /**
   * @param deadLetterCollection where ops that used up their attempts go (e.g. {@code
   *     FallbackConfig.deadLetterCollection()})
   * @throws io.udm.api.error.StorageException when the server cannot be reached (transient) or
   *     refuses the indexes
   */
  public static MongoCountersStorage open(String connectionString, MongoSettings settings, String deadLetterCollection) {
    requireCollectionName(deadLetterCollection);
    MongoConnection connection = MongoConnection.open(connectionString, settings);
    try {
      MongoCountersStorage storage = new MongoCountersStorage(connection, deadLetterCollection);
      storage.counters.createIndexes();
      storage.holds.createIndexes();
      return storage;
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  public MongoCounterAdapter counters() {
    return counters;
  }

  public MongoPlacementAdapter placements() {
    return placements;
  }

  public MongoIndexStateAdapter indexStates() {
    return indexStates;
  }

  public MongoHoldAdapter holds() {
    return holds;
  }

  public MongoRetryQueueAdapter retryQueue() {
    return retryQueue;
  }

  /** A retry queue on other collections of this database (a separate queue, e.g. per test); indexes included. */
  public MongoRetryQueueAdapter retryQueue(String queueCollection, String deadLetterCollection) {
    return newRetryQueue(queueCollection, deadLetterCollection);
  }

  public MongoHealthAdapter health() {
    return health;
  }

  public boolean supportsTransactions() {
    return connection.supportsTransactions();
  }

  public String endpoint() {
    return connection.endpoint();
  }

  @Override
  public void close() {
    connection.close();
  }

  private MongoRetryQueueAdapter newRetryQueue(String queueCollection, String deadLetterCollection) {
    requireCollectionName(queueCollection);
    requireCollectionName(deadLetterCollection);
    if (queueCollection.equals(deadLetterCollection)) {
      throw new ValidationException("the retry queue and its dead letters need two collections, both are '"
          + queueCollection + "'");
    }
    MongoRetryQueueAdapter queue = new MongoRetryQueueAdapter(
        connection.collection(queueCollection), connection.collection(deadLetterCollection), connection.errors());
    queue.createIndexes();
    return queue;
  }

  /** What MongoDB accepts as a collection name, minus the reserved {@code system.} space. */
  private static void requireCollectionName(String name) {
    Objects.requireNonNull(name, "collection name");
    if (name.isEmpty() || name.length() > 120 || name.contains("$") || name.indexOf('\0') >= 0
        || name.startsWith("system.") || name.startsWith(".") || name.endsWith(".")) {
      throw new ValidationException("'" + name.replace("\0", "\\0") + "' cannot be a MongoDB collection name: use 1-120"
          + " characters without '$' or NUL, not starting with 'system.' and not starting or ending with '.'");
    }
  }
}
