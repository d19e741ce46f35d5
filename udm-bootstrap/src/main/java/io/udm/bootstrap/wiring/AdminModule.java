package io.udm.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import io.udm.api.AdminApi;
import io.udm.api.FallbackApi;
import io.udm.api.config.UdmConfig;
import io.udm.app.StoragePorts;
import io.udm.app.admin.AdminService;
import io.udm.app.admin.Lifecycle;
import io.udm.app.counters.CountersService;
import io.udm.app.fallback.UnavailableFallback;
import io.udm.spi.Ticker;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Health, shutdown and the lifecycle every entry point runs in; the fallback API while it is not built. */
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

  /** Pending counter changes are flushed before the stores close. */
  @Provides
  @Singleton
  static AdminApi admin(StoragePorts ports, Lifecycle lifecycle, UdmConfig config, CountersService counters,
      Ticker ticker) {
    List<AutoCloseable> closeInOrder = new ArrayList<>();
    closeInOrder.add(counters);
    closeInOrder.addAll(ports.resources());
    return new AdminService(ports.backends(), ports.countersProbe(), lifecycle,
        Duration.ofMillis(config.shutdown().timeoutMs()), closeInOrder, ticker);
  }

  @Provides
  @Singleton
  static Optional<FallbackApi> fallback(UdmConfig config) {
    return config.fallback().enabled() ? Optional.of(new UnavailableFallback()) : Optional.empty();
  }
}
