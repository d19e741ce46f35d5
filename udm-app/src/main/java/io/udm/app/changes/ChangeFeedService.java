package io.udm.app.changes;

import io.udm.api.Change;
import io.udm.api.ChangePage;
import io.udm.api.ChangeQuery;
import io.udm.api.RouteContext;
import io.udm.app.payloads.StoredPayloads;
import io.udm.app.routing.BackendRouter;
import io.udm.domain.changes.FeedTiming;
import io.udm.spi.BackendPorts;
import io.udm.spi.VersionRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A collection's change feed: its committed versions in cv order. A page stops before a cv that
 * is missing but could still commit ({@link FeedTiming}), so a reader following {@code
 * nextAfterCv} never skips a version that commits late and never sees one twice. Versions that
 * retention or hard delete removed before they were read are not there to see.
 */
public final class ChangeFeedService {
  private final BackendRouter router;
  private final Clock clock;

  public ChangeFeedService(BackendRouter router, Clock clock) {
    this.router = router;
    this.clock = clock;
  }

  public ChangePage changes(RouteContext ctx, ChangeQuery query) {
    BackendPorts backend = router.forRead(ctx);
    List<VersionRecord> committed = backend.versions().listByCv(ctx, query.afterCv(), query.limit());
    Instant now = clock.instant();
    List<Change> changes = new ArrayList<>();
    long last = query.afterCv();
    for (VersionRecord version : committed) {
      if (version.cv() > last + 1 && !FeedTiming.gapSettled(version.cvDrawnAt(), now)) {
        break; // a cv below this one may still commit: hold here until it does or cannot
      }
      last = version.cv();
      change(backend, version, query.includeData()).ifPresent(changes::add);
    }
    return new ChangePage(changes, last);
  }

  /** The change a version is; empty when its data was asked for and it is gone since (pruned). */
  private static Optional<Change> change(BackendPorts backend, VersionRecord v, boolean includeData) {
    if (!includeData) {
      return Optional.of(new Change(v.key().objectId(), v.ov(), v.cv(), v.at(), v.op(), v.actor(), v.functionId(),
          Optional.empty()));
    }
    return StoredPayloads.userDataIfKept(backend, v).map(data -> new Change(v.key().objectId(), v.ov(), v.cv(),
        v.at(), v.op(), v.actor(), v.functionId(), Optional.of(data)));
  }
}
