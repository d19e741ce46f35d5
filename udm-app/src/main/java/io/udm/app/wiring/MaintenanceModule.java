package io.udm.app.wiring;

import dagger.Module;
import dagger.Provides;
import io.udm.api.MaintenanceApi;
import io.udm.api.config.UdmConfig;
import io.udm.app.StoragePorts;
import io.udm.app.counters.RecountService;
import io.udm.app.effects.EffectsApplier;
import io.udm.app.history.HardDeleteService;
import io.udm.app.history.RetentionService;
import io.udm.app.holds.HoldService;
import io.udm.app.index.IndexStateTracker;
import io.udm.app.index.ReindexService;
import io.udm.app.maintenance.GarbageCollector;
import io.udm.app.maintenance.MaintenanceService;
import io.udm.app.maintenance.SchemaCheck;
import io.udm.app.maintenance.ShrinkService;
import io.udm.app.maintenance.Verifier;
import io.udm.app.rebalance.RebalanceService;
import io.udm.app.routing.BackendRouter;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** {@code udm.maintenance()}: garbage collection, verify, shrink, and the history operations it exposes. */
@Module
public final class MaintenanceModule {
  private MaintenanceModule() {}

  @Provides
  @Singleton
  static MaintenanceApi maintenance(HardDeleteService hardDelete, RetentionService retention, RecountService recount,
      UdmConfig config, BackendRouter router, Clock clock, RebalanceService rebalance, IndexStateTracker indexes,
      HoldService holds) {
    return new MaintenanceService(hardDelete, new ShrinkService(config, router, clock), retention,
        new GarbageCollector(router, clock, config.limits()), new Verifier(router), recount, rebalance,
        new SchemaCheck(config, router), new ReindexService(config, router, indexes), holds);
  }

  @Provides
  @Singleton
  static RebalanceService rebalance(StoragePorts ports, BackendRouter router, EffectsApplier afterCommitWork,
      UdmConfig config, Clock clock) {
    return new RebalanceService(ports.placements(), router, afterCommitWork, clock,
        Duration.ofSeconds(config.rebalance().cleanupGraceSeconds()));
  }
}
