package io.udm.bootstrap.wiring;

import java.time.Duration;

/**
 * How {@link ProductionStorageModule} connects: whether to create missing buckets, how long to wait,
 * and whether the stores are prepared already (no index creation).
 */
public record StorageConnection(boolean createBucketsIfMissing, Duration connectTimeout, boolean storesPrepared) {
  public StorageConnection(boolean createBucketsIfMissing, Duration connectTimeout) {
    this(createBucketsIfMissing, connectTimeout, false);
  }
}
