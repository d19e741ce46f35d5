package io.udm.app.wiring;

import dagger.Module;
import dagger.Provides;
import io.udm.api.AdminApi;
import io.udm.api.config.UdmConfig;
import io.udm.app.StoragePorts;
import io.udm.app.admin.AdminService;
import io.udm.app.admin.Lifecycle;
import io.udm.app.effects.EffectsApplier;
import io.udm.app.effects.EffectsSweeper;
import io.udm.app.fallback.FallbackService;
import io.udm.app.optimizer.WriteOptimizer;
import io.udm.app.routing.BackendRouter;
import io.udm.spi.Ticker;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Health, shutdown and the lifecycle every entry point runs in. */
@Module
public final class AdminModule {
  private AdminModule() {}

  @Provides
  @Singleton
  static Ticker ticker() {
    return Ticker.system();
  }

  @Provides
  @Singleton
  static Lifecycle lifecycle(Ticker ticker) {
    return new Lifecycle(ticker);
  }

  /**
   * The retry worker stops first (after its current attempt), then the sweeper, then held
   * after-commit work is sent, then uploads the optimizer still holds, then the stores close.
   */
  @Provides
  @Singleton
  static AdminApi admin(StoragePorts ports, Lifecycle lifecycle, UdmConfig config, EffectsSweeper sweeper,
      EffectsApplier afterCommitWork, Ticker ticker, Optional<FallbackService> fallback, BackendRouter router,
      WriteOptimizer optimizer) {
    List<AutoCloseable> closeInOrder = new ArrayList<>();
    fallback.ifPresent(closeInOrder::add);
    closeInOrder.add(sweeper);
    closeInOrder.add(afterCommitWork);
    closeInOrder.add(optimizer);
    closeInOrder.addAll(ports.resources());
    return new AdminService(router, ports.placements(), ports.countersProbe(), lifecycle,
        Duration.ofMillis(config.shutdown().timeoutMs()), closeInOrder, ticker);
  }
}
