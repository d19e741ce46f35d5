package io.udm.app;

import io.udm.api.config.StorageConfig;

/**
 * The storage layouts a test may pin. Tests about payload objects (their upload, compensation,
 * deletion, garbage collection, a fault of the JSON bucket) pin the object layout, since by default
 * a small payload lives inside its version record and never reaches object storage.
 */
public final class PayloadLayouts {
  private PayloadLayouts() {}

  /** Every payload in the JSON bucket, whatever its size. */
  public static StorageConfig objectPayloads() {
    return StorageConfig.builder().inlineMaxBytes(0).build();
  }
}
