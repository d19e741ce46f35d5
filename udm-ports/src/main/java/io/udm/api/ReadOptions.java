package io.udm.api;

import io.udm.api.error.ValidationException;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/** Per-read options; {@link #defaults()} hides deleted items and returns content references. */
@Value.Immutable
@UdmStyle
public abstract class ReadOptions {
  private static final ReadOptions DEFAULTS = builder().build();

  /** Return a deleted item (its last state) instead of nothing. */
  @Value.Default
  public boolean includeDeleted() {
    return false;
  }

  /** Put externalized base64 values back inline, byte for byte. */
  @Value.Default
  public boolean inlineContent() {
    return false;
  }

  /** Give every content reference a presigned GET URL valid this long. */
  public abstract Optional<Duration> presignTtl();

  public static ReadOptions defaults() {
    return DEFAULTS;
  }

  public static ImmutableReadOptions.Builder builder() {
    return ImmutableReadOptions.builder();
  }

  @Value.Check
  protected void check() {
    presignTtl()
        .filter(ttl -> ttl.isNegative() || ttl.isZero())
        .ifPresent(ttl -> {
          throw new ValidationException("presignTtl must be positive, got " + ttl);
        });
  }
}
