package io.udm.api;

import java.time.Duration;
import java.util.Optional;

/** One store of a backend pair (its MongoDB, or its object storage): status, latency, and why not UP. */
public record ComponentHealth(HealthStatus status, Duration latency, Optional<String> error) {
  public static ComponentHealth up(Duration latency) {
    return new ComponentHealth(HealthStatus.UP, latency, Optional.empty());
  }

  public static ComponentHealth down(Duration latency, String error) {
    return new ComponentHealth(HealthStatus.DOWN, latency, Optional.of(error));
  }
}
