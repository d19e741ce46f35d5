package io.udm.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import io.udm.api.config.UdmConfig;
import io.udm.app.StoragePorts;
import io.udm.app.routing.BackendRouter;
import io.udm.spi.Ticker;
import jakarta.inject.Singleton;

/** Which backend pair a collection lives on. */
@Module
public final class RoutingModule {
  private RoutingModule() {}

  @Provides
  @Singleton
  static BackendRouter router(UdmConfig config, StoragePorts ports, Ticker ticker) {
    return new BackendRouter(ports.backends(), config.routing(), ports.placements(), ticker);
  }
}
