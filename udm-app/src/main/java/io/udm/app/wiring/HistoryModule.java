package io.udm.app.wiring;

import io.udm.app.StoragePorts;
import io.udm.app.holds.HoldService;
import io.udm.spi.IdGenerator;

import dagger.Module;
import dagger.Provides;
import io.udm.api.config.UdmConfig;
import io.udm.app.counters.CountersService;
import io.udm.app.effects.EffectsApplier;
import io.udm.app.history.HardDeleteService;
import io.udm.app.history.RestoreService;
import io.udm.app.history.RetentionService;
import io.udm.app.routing.BackendRouter;
import io.udm.app.write.WritePipeline;
import io.udm.domain.counters.CounterDeltas;
import io.udm.spi.IdGenerator;
import jakarta.inject.Singleton;
import java.time.Clock;

/** What rewrites or prunes history: restore, retention, hard delete. */
@Module
public final class HistoryModule {
  private HistoryModule() {}

  @Provides
  @Singleton
  static RestoreService restores(WritePipeline pipeline, BackendRouter router, IdGenerator ids, Clock clock) {
    return new RestoreService(pipeline, router, ids, clock);
  }

  /** Legal holds, which retention and hard delete consult before removing anything. */
  @Provides
  @Singleton
  static HoldService holds(StoragePorts ports, IdGenerator ids, Clock clock) {
    return new HoldService(ports.holds(), ids, clock);
  }

  @Provides
  @Singleton
  static RetentionService retention(UdmConfig config, BackendRouter router, Clock clock, HoldService holds) {
    return new RetentionService(config, router, clock, holds);
  }

  @Provides
  @Singleton
  static HardDeleteService hardDelete(UdmConfig config, BackendRouter router, CounterDeltas deltas,
      CountersService counters, EffectsApplier afterCommitWork, Clock clock, HoldService holds) {
    return new HardDeleteService(config, router, deltas, counters, afterCommitWork, clock, holds);
  }
}
