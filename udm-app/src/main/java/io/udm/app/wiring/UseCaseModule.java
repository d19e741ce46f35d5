package io.udm.app.wiring;

import dagger.Module;
import dagger.Provides;
import io.udm.api.AdminApi;
import io.udm.api.FallbackApi;
import io.udm.api.MaintenanceApi;
import io.udm.api.Udm;
import io.udm.app.ItemUseCases;
import io.udm.app.UdmService;
import io.udm.app.admin.Lifecycle;
import io.udm.app.changes.ChangeFeedService;
import io.udm.app.changes.VersionDiffService;
import io.udm.app.counters.CountersService;
import io.udm.app.history.RestoreService;
import io.udm.app.read.ListItemsService;
import io.udm.app.read.ReadItemService;
import io.udm.app.routing.BackendRouter;
import io.udm.app.write.ItemWriteService;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Every use case, on top of what the component provides: {@link io.udm.app.StoragePorts} (from a
 * storage module), an {@link io.udm.spi.IdGenerator} (UUIDv7 ids in production), the config and
 * the clock. One module per capability, as udm-app is organised. The components that add a
 * storage module live in udm-bootstrap; this module's tests add ports of their choosing.
 */
@Module(includes = {
    RoutingModule.class, WriteModule.class, ReadModule.class, HistoryModule.class, ChangesModule.class,
    CountersModule.class, AfterCommitModule.class, MaintenanceModule.class, AdminModule.class, FallbackModule.class,
    OptimizerModule.class})
public final class UseCaseModule {
  private UseCaseModule() {}

  @Provides
  @Singleton
  static Udm udm(BackendRouter router, ItemWriteService writes, ReadItemService reads, ListItemsService lists,
      RestoreService restores, VersionDiffService diffs, ChangeFeedService changes, Lifecycle lifecycle, AdminApi admin, CountersService counters,
      MaintenanceApi maintenance, Optional<FallbackApi> fallback) {
    return new UdmService(router, new ItemUseCases(writes, reads, lists, restores, diffs, changes), lifecycle, admin, counters,
        maintenance, fallback);
  }
}
