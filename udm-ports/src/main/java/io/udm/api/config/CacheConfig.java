package io.udm.api.config;

import org.immutables.value.Value;

/** The payload cache: version payloads never change once written, so reads may keep them in memory. */
@Value.Immutable
public abstract class CacheConfig {
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  /** Bytes of payloads held at most (weighed by size); 0 turns the cache off. */
  @Value.Default
  public long maxBytes() {
    return DEFAULT_MAX_BYTES;
  }

  public static ImmutableCacheConfig.Builder builder() {
    return ImmutableCacheConfig.builder();
  }
}
