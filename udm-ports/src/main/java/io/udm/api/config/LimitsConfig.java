package io.udm.api.config;

import org.immutables.value.Value;

/** Guards against oversized or pathologically nested documents. */
@Value.Immutable
public abstract class LimitsConfig {
  @Value.Default
  public long maxDocumentBytes() {
    return 16L * 1024 * 1024;
  }

  @Value.Default
  public int maxNestingDepth() {
    return 64;
  }

  /**
   * The smallest {@code olderThan} that {@code maintenance().collectGarbage} accepts, in seconds.
   * A write whose upload is older than half of it is refused before it commits, so garbage
   * collection can never remove the payload of a write still in flight.
   */
  @Value.Default
  public long gcMinGraceSeconds() {
    return 3600;
  }

  public static ImmutableLimitsConfig.Builder builder() {
    return ImmutableLimitsConfig.builder();
  }
}
