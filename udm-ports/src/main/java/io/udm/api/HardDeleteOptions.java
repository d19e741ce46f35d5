package io.udm.api;

import org.immutables.value.Value;

/** Hard delete is irreversible, so it must be confirmed explicitly. */
@Value.Immutable
@UdmStyle
public abstract class HardDeleteOptions {
  @Value.Default
  public boolean confirm() {
    return false;
  }

  public static HardDeleteOptions confirmed() {
    return builder().confirm(true).build();
  }

  public static ImmutableHardDeleteOptions.Builder builder() {
    return ImmutableHardDeleteOptions.builder();
  }
}
