package io.udm.bootstrap;

import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.wiring.StorageConnection;
import java.time.Clock;
import java.util.Objects;

/** Factories for {@link Udm}. */
public final class Udms {
  private Udms() {}

  /** Every port on in-memory adapters; connection settings are ignored (one simulated backend per configured pair). */
  public static Udm inMemory(UdmConfig config) {
    return inMemory(config, Clock.systemUTC());
  }

  /** {@link #inMemory(UdmConfig)} reading time from {@code clock}: for tests and simulations. */
  public static Udm inMemory(UdmConfig config, Clock clock) {
    return DaggerMemoryUdmComponent.factory()
        .create(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"))
        .udm();
  }

  /** MongoDB + S3 adapters built from the config; buckets must exist. */
  public static Udm create(UdmConfig config) {
    return create(config, ConnectOptions.defaults());
  }

  /**
   * MongoDB + S3 adapters built from the config. Connects to every backend pair and the counters
   * MongoDB, creates indexes, checks (or creates) buckets; on any failure closes what it opened
   * and throws a {@code StorageException} naming the backend, without credentials.
   */
  public static Udm create(UdmConfig config, ConnectOptions options) {
    Objects.requireNonNull(config, "config").requireBackends();
    Objects.requireNonNull(options, "options");
    StorageConnection connection = new StorageConnection(options.createBucketsIfMissing(), options.connectTimeout(),
        options.storesPrepared());
    return DaggerProductionUdmComponent.factory().create(config, connection, options.clock()).udm();
  }
}
