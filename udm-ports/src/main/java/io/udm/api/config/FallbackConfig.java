package io.udm.api.config;

import org.immutables.value.Value;

/** The durable retry queue for writes that fail transiently. */
@Value.Immutable
public abstract class FallbackConfig {
  @Value.Default
  public boolean enabled() {
    return false;
  }

  @Value.Default
  public int maxAttempts() {
    return 10;
  }

  @Value.Default
  public long baseDelayMs() {
    return 2000;
  }

  @Value.Default
  public long maxDelayMs() {
    return 60000;
  }

  @Value.Default
  public String deadLetterCollection() {
    return "udm_fallback_dead";
  }

  /** Whether this process retries queued writes in the background; defaults to {@link #enabled()}. */
  @Value.Default
  public boolean workerEnabled() {
    return enabled();
  }

  public static ImmutableFallbackConfig.Builder builder() {
    return ImmutableFallbackConfig.builder();
  }
}
