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

  /** 0 writes counters on every operation; more sums deltas in memory and flushes this often. */
  @Value.Default
  public long debounceCountersMs() {
    return 0;
  }

  @Value.Default
  public boolean allowShadowSkip() {
    return false;
  }

  public static ImmutableWriteOptimizationConfig.Builder builder() {
    return ImmutableWriteOptimizationConfig.builder();
  }
}
