package io.udm.api;

import org.immutables.value.Value;

/** A dry run only reports; removing shadows needs {@code confirm}. */
@Value.Immutable
@UdmStyle
public abstract class ShrinkOptions {
  @Value.Default
  public boolean isDryRun() {
    return false;
  }

  @Value.Default
  public boolean confirm() {
    return false;
  }

  public static ShrinkOptions dryRun() {
    return builder().dryRun(true).build();
  }

  public static ShrinkOptions confirmed() {
    return builder().confirm(true).build();
  }

  public static ImmutableShrinkOptions.Builder builder() {
    return ImmutableShrinkOptions.builder();
  }
}
