package io.udm.api.config;

import org.immutables.value.Value;

/** How {@code close()} ends a UDM. */
@Value.Immutable
public abstract class ShutdownConfig {
  public static final long DEFAULT_TIMEOUT_MS = 10_000;

  /** How long {@code close()} waits for writes in flight, in milliseconds. */
  @Value.Default
  public long timeoutMs() {
    return DEFAULT_TIMEOUT_MS;
  }

  public static ImmutableShutdownConfig.Builder builder() {
    return ImmutableShutdownConfig.builder();
  }
}
