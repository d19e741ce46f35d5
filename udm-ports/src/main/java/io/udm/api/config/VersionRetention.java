package io.udm.api.config;

import java.util.OptionalInt;
import org.immutables.value.Value;

/** Keep versions at most {@code days} old and at most {@code maxPerItem} per item; absent = unlimited. */
@Value.Immutable
public abstract class VersionRetention {
  public abstract OptionalInt days();

  public abstract OptionalInt maxPerItem();

  public static ImmutableVersionRetention.Builder builder() {
    return ImmutableVersionRetention.builder();
  }
}
