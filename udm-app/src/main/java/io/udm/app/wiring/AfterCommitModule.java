package io.udm.app.wiring;

import dagger.Module;
import dagger.Provides;
import io.udm.api.config.UdmConfig;
import io.udm.app.StoragePorts;
import io.udm.app.counters.CounterRecorder;
import io.udm.app.effects.AfterCommitWork;
import io.udm.app.effects.EffectsApplier;
import io.udm.app.effects.EffectsSweeper;
import io.udm.app.routing.BackendRouter;
import io.udm.app.shadows.DevShadowWriter;
import io.udm.app.write.AfterCommitEffects;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * After-commit work (counters, dev shadows): decided before each commit and stored with the
 * version, applied by the committing process, and swept up after a crash. The sweeper runs at open
 * and then every {@code afterCommit.sweepIntervalMs}, whatever the fallback settings.
 */
@Module
public final class AfterCommitModule {
  private AfterCommitModule() {}

  @Provides
  @Singleton
  static DevShadowWriter shadows(UdmConfig config) {
    return new DevShadowWriter(config);
  }

  @Provides
  @Singleton
  static EffectsApplier applier(StoragePorts ports, DevShadowWriter shadows, UdmConfig config, Clock clock) {
    EffectsApplier applier =
        new EffectsApplier(ports.counters(), shadows, clock, config.writeOptimization().debounceCountersMs());
    applier.start();
    return applier;
  }

  @Provides
  @Singleton
  static AfterCommitEffects effects(CounterRecorder deltas, DevShadowWriter shadows, EffectsApplier applier,
      Clock clock) {
    return new AfterCommitWork(deltas, shadows, applier, clock);
  }

  @Provides
  @Singleton
  static EffectsSweeper sweeper(BackendRouter router, StoragePorts ports, EffectsApplier applier, Clock clock,
      UdmConfig config) {
    long interval = config.afterCommit().sweepIntervalMs();
    EffectsSweeper sweeper = new EffectsSweeper(router, ports.counters(), applier, clock, Duration.ofMillis(interval));
    if (interval > 0) {
      sweeper.start();
    }
    return sweeper;
  }
}
