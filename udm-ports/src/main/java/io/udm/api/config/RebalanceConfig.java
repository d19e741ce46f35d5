package io.udm.api.config;

import org.immutables.value.Value;

/** Moving collections between backend pairs ({@code maintenance().rebalance}). */
@Value.Immutable
public abstract class RebalanceConfig {
  public static final long DEFAULT_CLEANUP_GRACE_SECONDS = 86_400;

  /**
   * How long the copy a moved collection left on its former pair is kept after the switch, in
   * seconds, before a later rebalance removes it. Processes that still route by an old placement
   * keep reading it meanwhile (their writes are refused and re-routed).
   */
  @Value.Default
  public long cleanupGraceSeconds() {
    return DEFAULT_CLEANUP_GRACE_SECONDS;
  }

  public static ImmutableRebalanceConfig.Builder builder() {
    return ImmutableRebalanceConfig.builder();
  }
}
