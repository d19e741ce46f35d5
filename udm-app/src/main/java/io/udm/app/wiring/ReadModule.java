package io.udm.app.wiring;

import io.udm.app.index.IndexStateTracker;

import dagger.Module;
import dagger.Provides;
import io.udm.api.config.UdmConfig;
import io.udm.app.read.ListItemsService;
import io.udm.app.read.ReadItemService;
import io.udm.app.write.RememberedHeads;
import io.udm.app.routing.BackendRouter;
import jakarta.inject.Singleton;

/** Reads of items and listings. */
@Module
public final class ReadModule {
  private ReadModule() {}

  @Provides
  @Singleton
  static ReadItemService reads(UdmConfig config, BackendRouter router, RememberedHeads remembered) {
    return new ReadItemService(config, router, remembered);
  }

  @Provides
  @Singleton
  static ListItemsService lists(UdmConfig config, BackendRouter router, IndexStateTracker indexes) {
    return new ListItemsService(config, router, indexes);
  }
}
