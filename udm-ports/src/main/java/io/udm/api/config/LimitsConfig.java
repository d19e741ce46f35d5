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

  public static ImmutableLimitsConfig.Builder builder() {
    return ImmutableLimitsConfig.builder();
  }
}
