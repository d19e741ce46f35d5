package io.udm.api.config;

import org.immutables.value.Value;

@Value.Immutable
public abstract class RetentionConfig {
  @Value.Default
  public VersionRetention ver() {
    return VersionRetention.builder().build();
  }

  public static ImmutableRetentionConfig.Builder builder() {
    return ImmutableRetentionConfig.builder();
  }
}
