package io.udm.app.wiring;

import dagger.Module;
import dagger.Provides;
import io.udm.api.config.UdmConfig;
import io.udm.app.StoragePorts;
import io.udm.app.optimizer.WriteOptimizer;
import io.udm.app.routing.BackendRouter;
import io.udm.spi.Ticker;
import jakarta.inject.Singleton;

/**
 * Which backend pair a collection lives on. The router hands out each pair with its object store
 * behind the payload cache and write optimizer, so every use case reads and deletes through them.
 */
@Module
public final class RoutingModule {
  private RoutingModule() {}

  @Provides
  @Singleton
  static BackendRouter router(UdmConfig config, StoragePorts ports, Ticker ticker, WriteOptimizer optimizer) {
    return new BackendRouter(optimizer.wrap(ports.backends()), config.routing(), ports.placements(), ticker);
  }
}
