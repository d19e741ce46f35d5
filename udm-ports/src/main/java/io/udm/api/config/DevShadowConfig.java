package io.udm.api.config;

import org.immutables.value.Value;

/** Full JSON copies on heads, for inspection in Mongo tools during development. */
@Value.Immutable
public abstract class DevShadowConfig {
  @Value.Default
  public boolean enabled() {
    return false;
  }

  @Value.Default
  public int ttlHours() {
    return 24;
  }

  @Value.Default
  public long maxBytesPerDoc() {
    return 1024 * 1024;
  }

  public static ImmutableDevShadowConfig.Builder builder() {
    return ImmutableDevShadowConfig.builder();
  }
}
