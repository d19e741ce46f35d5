package io.udm.app.wiring;

import io.udm.app.StoragePorts;
import io.udm.app.index.IndexStateTracker;

import dagger.Module;
import dagger.Provides;
import io.udm.api.config.UdmConfig;
import io.udm.app.routing.BackendRouter;
import io.udm.app.write.AfterCommitEffects;
import io.udm.app.write.ItemWriteService;
import io.udm.app.write.WriteFallback;
import io.udm.app.write.RememberedHeads;
import io.udm.app.write.WritePipeline;
import io.udm.domain.document.DocumentRules;
import io.udm.domain.write.VersionPlanner;
import io.udm.spi.IdGenerator;
import io.udm.spi.Ticker;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The write path: the domain's planner, the pipeline with its after-commit work, the item writes. */
@Module
public final class WriteModule {
  private WriteModule() {}

  @Provides
  @Singleton
  static VersionPlanner planner(UdmConfig config) {
    return new VersionPlanner(new DocumentRules(config.limits()));
  }

  /** Each commit owes its after-commit work (counters, dev shadow); a transient failure goes to the fallback queue. */
  @Provides
  @Singleton
  static WritePipeline pipeline(BackendRouter router, UdmConfig config, VersionPlanner planner, IdGenerator ids,
      Clock clock, Ticker ticker, AfterCommitEffects effects, WriteFallback fallback, RememberedHeads remembered,
      IndexStateTracker indexes) {
    return new WritePipeline(router, config, planner, ids, clock, ticker, effects, fallback, remembered, indexes);
  }

  /** Which indexed properties each collection has complete, as this process sees and records it. */
  @Provides
  @Singleton
  static IndexStateTracker indexStates(UdmConfig config, StoragePorts ports) {
    return new IndexStateTracker(config, ports.indexStates());
  }

  /** The heads this process wrote or read last, shared by its writes and reads. */
  @Provides
  @Singleton
  static RememberedHeads rememberedHeads() {
    return new RememberedHeads();
  }

  @Provides
  @Singleton
  static ItemWriteService writes(UdmConfig config, VersionPlanner planner, WritePipeline pipeline, IdGenerator ids) {
    return new ItemWriteService(config, planner, pipeline, ids);
  }
}
