package io.udm.api;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a {@link Udm} is built beyond its config: {@code Udms.create(config, options)} and {@code
 * Udms.inMemory(config, options)}. With a {@link #meterRegistry()} it reports Micrometer metrics:
 * each operation's time by outcome, each storage call's time by backend, payload cache hits and
 * misses, the fallback queue, and how long counter changes wait to be sent. Micrometer is an
 * optional dependency: without a registry nothing of it is loaded. With a {@link #clock()} UDM reads
 * the wall clock from it.
 */
@Value.Immutable
@UdmStyle
public abstract class UdmOptions {
  public abstract Optional<MeterRegistry> meterRegistry();

  /**
   * The wall clock UDM reads for every timestamp and every age it compares (version {@code at},
   * dev-shadow expiry, retention days, GC grace, leases' expiry times); waits and timeouts still use
   * real elapsed time. Tests move time with it; production leaves it out (the system UTC clock).
   */
  public abstract Optional<Clock> clock();

  /** No metrics. */
  public static UdmOptions defaults() {
    return builder().build();
  }

  public static ImmutableUdmOptions.Builder builder() {
    return ImmutableUdmOptions.builder();
  }

  /** Names the registry's class only: its {@code toString()} may show configuration. */
  @Override
  public String toString() {
    return "UdmOptions{meterRegistry=" + meterRegistry().map(r -> r.getClass().getSimpleName()).orElse("none")
        + ", clock=" + clock().map(Object::toString).orElse("system UTC") + "}";
  }
}
