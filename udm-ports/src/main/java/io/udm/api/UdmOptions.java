package io.udm.api;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a {@link Udm} is built beyond its config: {@code Udms.create(config, options)} and {@code
 * Udms.inMemory(config, options)}. With a {@link #meterRegistry()} it reports Micrometer metrics:
 * each operation's time by outcome, each storage call's time by backend, payload cache hits and
 * misses, the fallback queue, and how long counter changes wait to be sent. Micrometer is an
 * optional dependency: without a registry nothing of it is loaded.
 */
@Value.Immutable
@UdmStyle
public abstract class UdmOptions {
  public abstract Optional<MeterRegistry> meterRegistry();

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
    return "UdmOptions{meterRegistry=" + meterRegistry().map(r -> r.getClass().getSimpleName()).orElse("none") + "}";
  }
}
