package io.udm.app.wiring;

import dagger.Module;
import dagger.Provides;
import io.udm.api.config.UdmConfig;
import io.udm.app.effects.EffectsApplier;
import io.udm.app.optimizer.WriteOptimizer;
import io.udm.app.shadows.DevShadowWriter;
import jakarta.inject.Singleton;

/** The payload cache and write optimizer in front of every backend's object store (see RoutingModule). */
@Module
public final class OptimizerModule {
  private OptimizerModule() {}

  @Provides
  @Singleton
  static WriteOptimizer optimizer(UdmConfig config, EffectsApplier effects, DevShadowWriter shadows) {
    return new WriteOptimizer(config, effects, shadows);
  }
}
