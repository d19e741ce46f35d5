package io.udm.api.config;

import org.immutables.value.Value;

/** A property holding base64 that UDM moves to the content bucket. */
@Value.Immutable
public abstract class Base64Prop {
  @Value.Default
  public String contentType() {
    return "application/octet-stream";
  }

  /** Inline reads return the decoded bytes as UTF-8 text instead of base64. */
  @Value.Default
  public boolean preferredText() {
    return false;
  }

  public static ImmutableBase64Prop.Builder builder() {
    return ImmutableBase64Prop.builder();
  }
}
