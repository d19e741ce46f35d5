package io.udm.api.config;

import org.immutables.value.Value;

/**
 * After-commit work (counters, dev shadows): every version owes it from its commit on, and a
 * sweeper applies what a process left owed (it died, or a store refused the work for a minute).
 */
@Value.Immutable
public abstract class AfterCommitConfig {
  public static final long DEFAULT_SWEEP_INTERVAL_MS = 15_000;

  /**
   * How often this process sweeps owed work, in milliseconds (the first sweep one interval after it
   * opens, so a short-lived command never sweeps). 0 turns
   * sweeping off in this process: another process sharing the stores must sweep then.
   */
  @Value.Default
  public long sweepIntervalMs() {
    return DEFAULT_SWEEP_INTERVAL_MS;
  }

  public static ImmutableAfterCommitConfig.Builder builder() {
    return ImmutableAfterCommitConfig.builder();
  }
}
