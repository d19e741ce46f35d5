package io.udm.api.config;

import org.immutables.value.Value;

@Value.Immutable
public abstract class WriteOptimizationConfig {
  @Value.Default
  public boolean batchS3() {
    return false;
  }

  @Value.Default
  public long batchWindowMs() {
    return 100;
  }

  /**
   * How long counter changes (and the done marks of the versions that owe them) are held and summed
   * before they are sent: a write then costs no counter request of its own, many writes share one.
   * 0 sends them with every write.
   */
  public static final long DEFAULT_DEBOUNCE_COUNTERS_MS = 100;

  @Value.Default
  public long debounceCountersMs() {
    return DEFAULT_DEBOUNCE_COUNTERS_MS;
  }

  @Value.Default
  public boolean allowShadowSkip() {
    return false;
  }

  public static ImmutableWriteOptimizationConfig.Builder builder() {
    return ImmutableWriteOptimizationConfig.builder();
  }
}
