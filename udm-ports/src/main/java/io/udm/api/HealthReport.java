package io.udm.api;

import java.util.List;

/** Health of every backend pair and of the counters store. */
public record HealthReport(HealthStatus status, List<BackendHealth> backends, ComponentHealth counters) {
  public HealthReport {
    backends = List.copyOf(backends);
  }
}
