package io.udm.spi;

/** Checks that a store answers; throws {@link io.udm.api.error.StorageException} (credential-free) when not. */
public interface HealthProbe {
  void ping();
}
