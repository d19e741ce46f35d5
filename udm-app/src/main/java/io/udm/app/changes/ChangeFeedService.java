package io.udm.app.changes;

import io.udm.api.Change;
import io.udm.api.ChangePage;
import io.udm.api.ChangeQuery;
import io.udm.api.RouteContext;
import io.udm.app.payloads.StoredPayloads;
import io.udm.app.routing.BackendRouter;
import io.udm.spi.BackendPorts;
import io.udm.spi.VersionRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A collection's change feed: its committed versions in cv order. A page stops before a cv that
 * is missing but may still commit, and a cv missing past the hold is burned in the store before
 * the feed moves past it ({@link CvSettlement}), so a reader following {@code nextAfterCv} never
 * skips a version however late its write arrives, and never sees one twice. Versions that retention
 * or hard delete removed before they were read are not there to see.
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
    CvSettlement.Settled settled =
        CvSettlement.next(backend, ctx, query.afterCv(), query.limit(), clock.instant(), 0);
    List<Change> changes = new ArrayList<>();
    for (VersionRecord version : settled.versions()) {
      change(backend, version, query.includeData()).ifPresent(changes::add);
    }
    return new ChangePage(changes, settled.frontier());
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
