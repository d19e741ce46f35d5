package io.udm.bootstrap;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Udms#create(io.udm.api.config.UdmConfig, ConnectOptions)} connects, beyond the config
 * file: whether missing buckets are created, whether the stores are known prepared (indexes made by
 * the process that runs them: skip that set-up), the clock, and client timeouts. MongoDB durability
 * options (write concern, read concern, retryable writes) default to majority/majority/true and
 * are overridden by options in each Mongo connection string.
 */
public record ConnectOptions(boolean createBucketsIfMissing, Clock clock, Duration connectTimeout, boolean storesPrepared) {
  public ConnectOptions {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
    }
  }

  public ConnectOptions(boolean createBucketsIfMissing, Clock clock, Duration connectTimeout) {
    this(createBucketsIfMissing, clock, connectTimeout, false);
  }

  /** Buckets must exist; indexes are created; system clock; 10 s connect timeout. */
  public static ConnectOptions defaults() {
    return new ConnectOptions(false, Clock.systemUTC(), Duration.ofSeconds(10), false);
  }

  /**
   * With {@code true}, skips creating query indexes: for a process that joins stores another
   * running process prepared (a local {@code udm serve}), where set-up would only cost time.
   */
  public ConnectOptions withStoresPrepared(boolean prepared) {
    return new ConnectOptions(createBucketsIfMissing, clock, connectTimeout, prepared);
  }

  public ConnectOptions withCreateBucketsIfMissing(boolean create) {
    return new ConnectOptions(create, clock, connectTimeout, storesPrepared);
  }

  public ConnectOptions withClock(Clock newClock) {
    return new ConnectOptions(createBucketsIfMissing, newClock, connectTimeout, storesPrepared);
  }

  public ConnectOptions withConnectTimeout(Duration timeout) {
    return new ConnectOptions(createBucketsIfMissing, clock, timeout, storesPrepared);
  }
}
