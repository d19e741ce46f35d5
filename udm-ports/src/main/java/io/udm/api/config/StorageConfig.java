package io.udm.api.config;

import org.immutables.value.Value;

/** How versions are laid out in storage. */
@Value.Immutable
public abstract class StorageConfig {
  public static final int DEFAULT_INLINE_MAX_BYTES = 4096;
  /** The largest inline payload: far below MongoDB's 16 MiB document limit, head and record together. */
  public static final int MAX_INLINE_MAX_BYTES = 1 << 20;

  /**
   * A version whose stored payload (its JSON after base64 externalization, UTF-8) is at most this
   * many bytes is kept inside its version record, and its head, instead of the JSON bucket; 0 keeps
   * every payload in object storage.
   */
  @Value.Default
  public int inlineMaxBytes() {
    return DEFAULT_INLINE_MAX_BYTES;
  }

  public static ImmutableStorageConfig.Builder builder() {
    return ImmutableStorageConfig.builder();
  }
}
