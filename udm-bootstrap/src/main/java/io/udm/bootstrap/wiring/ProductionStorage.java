package io.udm.bootstrap.wiring;

import io.udm.adapter.mongo.MongoCountersStorage;
import io.udm.adapter.mongo.MongoSettings;
import io.udm.adapter.mongo.MongoStorage;
import io.udm.adapter.s3.S3Settings;
import io.udm.adapter.s3.S3Storage;
import io.udm.api.config.CountersConfig;
import io.udm.api.config.Redaction;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import io.udm.app.StoragePorts;
import io.udm.spi.BackendPorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Opens the MongoDB and S3 clients of every backend pair and the counters MongoDB. Opening is all
 * or nothing: if any store fails, whatever was opened is closed before the error propagates. Each
 * backend's id is the one recorded in its MongoDB on first use (proposed by {@link BackendIds}),
 * so connection strings can change without moving collections.
 */
public final class ProductionStorage {
  private ProductionStorage() {}

  public static StoragePorts open(UdmConfig config, boolean createBucketsIfMissing, Duration connectTimeout) {
    return open(config, createBucketsIfMissing, connectTimeout, false);
  }

  /** As above; {@code storesPrepared} skips index creation (another running process made them). */
  public static StoragePorts open(UdmConfig config, boolean createBucketsIfMissing, Duration connectTimeout,
      boolean storesPrepared) {
    return open(config, createBucketsIfMissing, connectTimeout, storesPrepared, ClientListeners.NONE);
  }

  /** As above; every client (the pairs' and the counters') reports its requests to {@code listeners}. */
  public static StoragePorts open(UdmConfig config, boolean createBucketsIfMissing, Duration connectTimeout,
      boolean storesPrepared, ClientListeners listeners) {
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      List<String> ids = BackendIds.of(config);
      MongoSettings mongoSettings = MongoSettings.builder()
          .connectTimeout(connectTimeout)
          .serverSelectionTimeout(connectTimeout)
          .commandListeners(listeners.mongo())
          .build();
      S3Settings s3Settings = S3Settings.builder()
          .connectTimeout(connectTimeout)
          .createBucketsIfMissing(createBucketsIfMissing)
          .executionInterceptors(listeners.s3())
          .build();
      List<BackendPorts> backends = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        MongoStorage mongo = MongoStorage.open(config.mongoUris().get(i), mongoSettings);
        opened.add(mongo);
        if (!storesPrepared) {
          mongo.createQueryIndexes(indexedPaths(config));
        }
        S3Storage s3 = S3Storage.open(config.spacesConns().get(i), s3Settings);
        opened.add(s3);
        String backendId = mongo.claimBackendId(ids.get(i));
        requireDistinct(backends, backendId, i);
        backends.add(new BackendPorts(i, backendId, mongo.heads(), mongo.versions(), mongo.outbox(),
            mongo.requestMemos(), mongo.sequences(), s3.blobs(),
            mongo.health(), s3.health(), Redaction.mongoUri(config.mongoUris().get(i)), s3.endpoint()));
      }
      CountersConfig counters = config.counters()
          .orElseGet(() -> CountersConfig.builder().mongoUri(config.mongoUris().get(0)).build());
      MongoCountersStorage countersStore = MongoCountersStorage.open(
          counters.mongoUri(), mongoSettings.toBuilder().databaseName(counters.dbName()).build(),
          config.fallback().deadLetterCollection());
      opened.add(countersStore);
      // Close in reverse order of opening, counters first.
      List<AutoCloseable> closeOrder = new ArrayList<>(opened);
      Collections.reverse(closeOrder);
      return new StoragePorts(backends, countersStore.counters(), countersStore.placements(), countersStore.indexStates(), countersStore.holds(),
          countersStore.retryQueue(), countersStore.health(), closeOrder);
    } catch (RuntimeException e) {
      closeQuietly(opened, e);
      throw e;
    }
  }

  /** Two pairs on one MongoDB database would share heads and versions: refuse, naming both. */
  private static void requireDistinct(List<BackendPorts> earlier, String backendId, int index) {
    earlier.stream().filter(b -> b.backendId().equals(backendId)).findFirst().ifPresent(twin -> {
      throw new ValidationException("backend pairs " + twin.index() + " and " + index + " use the same MongoDB"
          + " database (backend id '" + backendId + "'); give every pair its own MongoDB server or database");
    });
  }

  /** Every indexed property of every collection map, as meta paths for query indexes. */
  private static Set<String> indexedPaths(UdmConfig config) {
    Set<String> paths = new LinkedHashSet<>();
    config.collectionMaps().values().forEach(m -> paths.addAll(m.indexedProps()));
    return paths;
  }

  private static void closeQuietly(List<AutoCloseable> opened, RuntimeException failure) {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception closeFailure) {
        failure.addSuppressed(closeFailure);
      }
    }
  }
}
