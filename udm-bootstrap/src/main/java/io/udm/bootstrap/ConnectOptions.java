package io.udm.bootstrap;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Udms#create(io.udm.api.config.UdmConfig, ConnectOptions)} connects, beyond the config
 * file: whether missing buckets are created, the clock, and client timeouts. MongoDB durability
 * options (write concern, read concern, retryable writes) default to majority/majority/true and
 * are overridden by options in each Mongo connection string.
 */
public record ConnectOptions(boolean createBucketsIfMissing, Clock clock, Duration connectTimeout) {
  public ConnectOptions {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
    }
  }

  /** Buckets must exist; system clock; 10 s connect timeout. */
  public static ConnectOptions defaults() {
    return new ConnectOptions(false, Clock.systemUTC(), Duration.ofSeconds(10));
  }

  public ConnectOptions withCreateBucketsIfMissing(boolean create) {
    return new ConnectOptions(create, clock, connectTimeout);
  }

  public ConnectOptions withClock(Clock newClock) {
    return new ConnectOptions(createBucketsIfMissing, newClock, connectTimeout);
  }

  public ConnectOptions withConnectTimeout(Duration timeout) {
    return new ConnectOptions(createBucketsIfMissing, clock, timeout);
  }
}
