package io.udm.bootstrap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.udm.api.AdminApi;
import io.udm.api.BackendInfo;
import io.udm.api.CountersApi;
import io.udm.api.FallbackApi;
import io.udm.api.HealthReport;
import io.udm.api.ItemOps;
import io.udm.api.MaintenanceApi;
import io.udm.api.Route;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Udm} whose every API call is timed: meter {@code udm.operations}, tagged with the API
 * ({@code items}, {@code counters}, {@code maintenance}, {@code fallback}, {@code admin}), the
 * operation (the method's name) and its outcome ({@link Outcomes}). Closing it (or shutting it down
 * through {@link #admin()}) also removes the gauges that read its state.
 */
final class MeteredUdm implements Udm {
  static final String METER = "udm.operations";
  private static final String DESCRIPTION = "UDM API calls by operation and outcome";

  private final Udm udm;
  private final CallTimers itemTimers;
  private final CountersApi counters;
  private final MaintenanceApi maintenance;
  private final Optional<FallbackApi> fallback;
  private final AdminApi admin;

  MeteredUdm(Udm udm, MeterRegistry registry, Runnable removeGauges) {
    this.udm = udm;
    this.itemTimers = timers(registry, "items");
    this.counters = timed(CountersApi.class, udm.counters(), registry, "counters");
    this.maintenance = timed(MaintenanceApi.class, udm.maintenance(), registry, "maintenance");
    this.fallback = udm.fallback().map(f -> timed(FallbackApi.class, f, registry, "fallback"));
    this.admin = timed(AdminApi.class, new GaugeRemovingAdmin(udm.admin(), removeGauges), registry, "admin");
  }

  @Override
  public Route route(RouteContext ctx) {
    return udm.route(ctx);
  }

  @Override
  public ItemOps with(RouteContext ctx) {
    return TimedProxy.of(ItemOps.class, udm.with(ctx), itemTimers, Outcomes::ofResult, Outcomes::ofFailure);
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

  @Override
  public String toString() {
    return udm + " with metrics";
  }

  private static CallTimers timers(MeterRegistry registry, String api) {
    return new CallTimers(registry, METER, DESCRIPTION, Tags.of("api", api), "operation");
  }

  private static <T> T timed(Class<T> type, T target, MeterRegistry registry, String api) {
    return TimedProxy.of(type, target, timers(registry, api), Outcomes::ofResult, Outcomes::ofFailure);
  }

  /** Shutting down removes the gauges first: they would read a closed UDM. */
  private record GaugeRemovingAdmin(AdminApi admin, Runnable removeGauges) implements AdminApi {
    @Override
    public HealthReport health() {
      return admin.health();
    }

    @Override
    public List<BackendInfo> listBackends() {
      return admin.listBackends();
    }

    @Override
    public void shutdown() {
      removeGauges.run();
      admin.shutdown();
    }
  }
}
