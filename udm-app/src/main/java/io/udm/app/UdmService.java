package io.udm.app;

import io.udm.api.AdminApi;
import io.udm.api.CountersApi;
import io.udm.api.FallbackApi;
import io.udm.api.ItemOps;
import io.udm.api.MaintenanceApi;
import io.udm.api.Route;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.error.ValidationException;
import io.udm.app.admin.Lifecycle;
import io.udm.app.routing.BackendRouter;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link Udm} facade over one assembled set of use cases (wired in udm-bootstrap). Every object
 * it hands out runs its calls through the {@link Lifecycle}, so after {@link #close()} they fail
 * cleanly and close waits for calls in flight.
 */
public final class UdmService implements Udm {
  private final BackendRouter router;
  private final ItemUseCases items;
  private final Lifecycle lifecycle;
  private final AdminApi admin;
  private final CountersApi counters;
  private final MaintenanceApi maintenance;
  private final Optional<FallbackApi> fallback;

  public UdmService(BackendRouter router, ItemUseCases items, Lifecycle lifecycle, AdminApi admin,
      CountersApi counters, MaintenanceApi maintenance, Optional<FallbackApi> fallback) {
    this.router = router;
    this.items = items;
    this.lifecycle = lifecycle;
    // shutdown must get through after close too: it is idempotent.
    this.admin = Guarded.of(AdminApi.class, admin, lifecycle, Set.of("shutdown"));
    this.counters = Guarded.of(CountersApi.class, counters, lifecycle);
    this.maintenance = Guarded.of(MaintenanceApi.class, maintenance, lifecycle);
    this.fallback = fallback.map(f -> Guarded.of(FallbackApi.class, f, lifecycle));
  }

  @Override
  public Route route(RouteContext ctx) {
    requireCollection("route", ctx);
    return lifecycle.run(() -> router.route(ctx));
  }

  @Override
  public ItemOps with(RouteContext ctx) {
    requireCollection("with", ctx);
    return lifecycle.run(() -> Guarded.of(ItemOps.class, new CollectionOps(ctx, items), lifecycle));
  }

  @Override
  public CountersApi counters() {
    return counters;
  }

  @Override
  public AdminApi admin() {
    return admin;
  }

  @Override
  public Optional<FallbackApi> fallback() {
    return fallback;
  }

  @Override
  public MaintenanceApi maintenance() {
    return maintenance;
  }

  @Override
  public void close() {
    admin.shutdown();
  }

  private static void requireCollection(String method, RouteContext ctx) {
    if (ctx == null) {
      throw new ValidationException("Udm." + method + ": the collection must not be null; use RouteContext.of(tenantId,"
          + " dbName, collection)");
    }
  }

  @Override
  public String toString() {
    return "Udm[" + (lifecycle.isShutDown() ? "shut down" : "open") + "]";
  }
}
