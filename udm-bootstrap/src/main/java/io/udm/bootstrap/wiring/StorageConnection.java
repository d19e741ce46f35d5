package io.udm.bootstrap.wiring;

import java.time.Duration;

/** How {@link ProductionStorageModule} connects: whether to create missing buckets, and how long to wait. */
public record StorageConnection(boolean createBucketsIfMissing, Duration connectTimeout) {}
