package io.udm.bootstrap.wiring;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ProductionStorageModule} connects: whether to create missing buckets, how long to wait,
 * whether the stores are prepared already (no index creation), and what the clients report their
 * requests to.
 */
public record StorageConnection(boolean createBucketsIfMissing, Duration connectTimeout, boolean storesPrepared,
    ClientListeners listeners) {
  public StorageConnection {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(listeners, "listeners");
  }

  public StorageConnection(boolean createBucketsIfMissing, Duration connectTimeout, boolean storesPrepared) {
    this(createBucketsIfMissing, connectTimeout, storesPrepared, ClientListeners.NONE);
  }

  public StorageConnection(boolean createBucketsIfMissing, Duration connectTimeout) {
    this(createBucketsIfMissing, connectTimeout, false);
  }
}
