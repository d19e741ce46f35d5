package io.udm.app;

import io.udm.api.AdminApi;
import io.udm.api.CountersApi;
import io.udm.api.FallbackApi;
import io.udm.api.ItemOps;
import io.udm.api.MaintenanceApi;
import io.udm.api.Route;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.UdmException;
import io.udm.domain.counters.CounterDeltas;
import io.udm.domain.document.DocumentRules;
import io.udm.domain.routing.RendezvousRouter;
import io.udm.domain.write.VersionPlanner;
import io.udm.spi.BackendPorts;
import io.udm.spi.IdGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@link Udm} facade over one adapter set: routing, item operations, admin. */
public final class UdmService implements Udm {
  private final BackendRouter router;
  private final UseCases useCases;
  private final AdminService admin;
  private final CountersService counters;
  private final MaintenanceApi maintenance;
  private final Optional<FallbackApi> fallback;

  public UdmService(UdmConfig config, StoragePorts ports, Clock clock, IdGenerator ids) {
    Objects.requireNonNull(config, "config");
    RendezvousRouter hashing = new RendezvousRouter(
        ports.backends().stream().map(BackendPorts::backendId).toList(), config.routing());
    this.router = new BackendRouter(hashing, ports.backends(), ports.placements());
    VersionPlanner planner = new VersionPlanner(new DocumentRules(config.limits()));
    WriteValidation validation = new WriteValidation(config, planner);
    CounterDeltas counterDeltas = new CounterDeltas(config.counterRules().rules());
    this.counters = new CountersService(ports.counters(), config.writeOptimization().debounceCountersMs());
    WritePipeline pipeline = new WritePipeline(router, new CommitProtocol(ids, clock, config.limits()),
        new ContentPlanning(config), clock,
        List.of(new CounterRecorder(counterDeltas, counters), new DevShadowWriter(config)));
    this.useCases = new UseCases(
        new CreateItemService(config, planner, validation, pipeline, ids),
        new UpdateItemService(config, planner, validation, pipeline),
        new DeleteItemService(config, planner, pipeline),
        new ReadItemService(router, new ContentReads(config)),
        new ListItemsService(config, router),
        new EnrichItemService(config, planner, pipeline),
        new RestoreService(config, planner, pipeline, router, ids, clock));
    // Pending counter changes are flushed before the stores close.
    List<AutoCloseable> resources = new ArrayList<>();
    resources.add(counters);
    resources.addAll(ports.resources());
    this.admin = new AdminService(new StoragePorts(ports.backends(), ports.counters(), ports.placements(),
        ports.retryQueue(), ports.countersProbe(), resources));
    this.maintenance = new MaintenanceService(
        new HardDeleteService(config, router, counterDeltas, counters), new ShrinkService(config, router, clock),
        new RetentionService(config, router, clock), new GarbageCollector(router, clock, config.limits()),
        new Verifier(router), new RecountService(router, counterDeltas, counters));
    this.fallback = config.fallback().enabled() ? Optional.of(new UnavailableFallback()) : Optional.empty();
  }

  @Override
  public Route route(RouteContext ctx) {
    requireOpen();
    return router.route(Objects.requireNonNull(ctx, "ctx"));
  }

  @Override
  public ItemOps with(RouteContext ctx) {
    requireOpen();
    return new CollectionOps(Objects.requireNonNull(ctx, "ctx"), useCases);
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

  private void requireOpen() {
    if (admin.isShutDown()) {
      throw new UdmException("this Udm instance is shut down; create a new one with Udms");
    }
  }
}
