package io.udm.api;

import java.util.Optional;

/**
 * The entry point: versioned, restorable JSON items routed over MongoDB + S3 backend pairs. Build
 * one with {@code io.udm.bootstrap.Udms}; close it to drain queues and flush counters.
 */
public interface Udm extends AutoCloseable {
  /** The backend pair that holds a collection. */
  Route route(RouteContext ctx);

  /** Item operations bound to one collection. */
  ItemOps with(RouteContext ctx);

  CountersApi counters();

  AdminApi admin();

  /** Present when {@code fallback.enabled}. */
  Optional<FallbackApi> fallback();

  MaintenanceApi maintenance();

  /** Same as {@code admin().shutdown()}. */
  @Override
  void close();
}
