package io.udm.adapter.memory;

import io.udm.api.error.StorageException;
import io.udm.spi.HealthProbe;
import java.util.Objects;
import java.util.Optional;

/**
 * A probe of an in-memory store: always up, unless a test switches it down to see how UDM reports
 * and routes around an unreachable backend.
 */
public final class InMemoryHealthAdapter implements HealthProbe {
  private final String component;
  private volatile Optional<String> downBecause = Optional.empty();

  /** {@code component} names the store in error messages, e.g. {@code memory://backend-0 (mongo)}. */
  public InMemoryHealthAdapter(String component) {
    this.component = Objects.requireNonNull(component, "component");
  }

  @Override
  public void ping() {
    Optional<String> reason = downBecause;
    if (reason.isPresent()) {
      throw new StorageException(component + " is down: " + reason.get(), true);
    }
  }

  /** From now on {@link #ping()} fails with a transient {@link StorageException} giving {@code reason}. */
  public void simulateDown(String reason) {
    downBecause = Optional.of(Objects.requireNonNull(reason, "reason"));
  }

  /** Back up: {@link #ping()} succeeds again. */
  public void simulateUp() {
    downBecause = Optional.empty();
  }

  public boolean isDown() {
    return downBecause.isPresent();
  }
}
