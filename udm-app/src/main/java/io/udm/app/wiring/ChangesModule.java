package io.udm.app.wiring;

import dagger.Module;
import dagger.Provides;
import io.udm.app.changes.ChangeFeedService;
import io.udm.app.changes.VersionDiffService;
import io.udm.app.routing.BackendRouter;
import jakarta.inject.Singleton;
import java.time.Clock;

/** What reads history as changes: the diff of two versions and the collection's change feed. */
@Module
public final class ChangesModule {
  private ChangesModule() {}

  @Provides
  @Singleton
  static VersionDiffService diffs(BackendRouter router) {
    return new VersionDiffService(router);
  }

  @Provides
  @Singleton
  static ChangeFeedService changes(BackendRouter router, Clock clock) {
    return new ChangeFeedService(router, clock);
  }
}
