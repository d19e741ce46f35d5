package io.udm.app.rebalance;

import io.udm.api.RouteContext;
import io.udm.app.effects.EffectsApplier;
import io.udm.app.purge.ItemPurge;
import io.udm.app.routing.BackendRouter;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.BackendPorts;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import io.udm.spi.MovePhase;
import io.udm.spi.Placement;
import io.udm.spi.PlacementMove;
import io.udm.spi.PlacementRegistry;
import io.udm.spi.VersionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Removes the copy a moved collection left on its former pair once its grace period is over:
 * every head, version record and object of the collection there. Work its records still owe
 * (counters, shadows) is applied first, since it would vanish with them. The former pair's fenced
 * cv counter stays, so a process still routing there by a placement it read long ago can never
 * commit on it.
 */
final class FormerCopyCleanup {
  private static final int PAGE = 500;

  private final PlacementRegistry placements;
  private final BackendRouter router;
  private final EffectsApplier afterCommitWork;
  private final Duration grace;

  FormerCopyCleanup(PlacementRegistry placements, BackendRouter router, EffectsApplier afterCommitWork, Duration grace) {
    this.placements = placements;
    this.router = router;
    this.afterCommitWork = afterCommitWork;
    this.grace = grace;
  }

  /** Whether {@code placement} left a copy whose grace period is over at {@code now}. */
  boolean due(Placement placement, Instant now) {
    return placement.move().filter(m -> m.phase() == MovePhase.CLEANUP && !now.isBefore(m.since().plus(grace)))
        .isPresent();
  }

  /** Removes the former copy and clears the move from the placement; the objects removed. */
  long clean(Placement placement) {
    PlacementMove move = placement.move().orElseThrow();
    RouteContext ctx = placement.collection();
    BackendPorts former = router.backend(move.fromBackendId()).orElseThrow(() -> new MoveFailedException(
        "the former pair '" + move.fromBackendId() + "' of " + ctx + " is not configured, so its copy cannot be"
            + " removed; configure it (with routing.drain) until the rebalance has cleaned it"));
    while (true) {
      List<VersionRecord> page = former.versions().listByCv(ctx, 0, PAGE);
      if (page.isEmpty()) {
        break;
      }
      Set<ItemKey> items = new LinkedHashSet<>();
      page.forEach(v -> items.add(v.key()));
      items.forEach(key -> removeItem(former, key));
    }
    while (true) {
      List<HeadRecord> heads = former.heads().query(HeadQuery.all(ctx, PAGE));
      if (heads.isEmpty()) {
        break;
      }
      heads.forEach(head -> former.heads().delete(head.key()));
    }
    long objects = ItemPurge.deleteObjects(former, StorageKeys.collectionPrefix(ctx));
    if (!placements.replace(placement, placement.next(placement.backendId(), Optional.empty()))) {
      throw new MoveFailedException("the placement of " + ctx + " changed while its former copy was removed;"
          + " run the rebalance again");
    }
    return objects;
  }

  private void removeItem(BackendPorts former, ItemKey key) {
    afterCommitWork.settle(former, key);
    former.heads().delete(key);
    ItemPurge.deleteVersions(former, key);
  }
}
