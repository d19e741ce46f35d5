package io.udm.app.rebalance;

import io.udm.api.CollectionMove;
import io.udm.api.RebalanceListener;
import io.udm.api.RebalanceOptions;
import io.udm.api.RebalancePlan;
import io.udm.api.RebalanceResult;
import io.udm.api.RouteContext;
import io.udm.api.error.ValidationException;
import io.udm.app.effects.EffectsApplier;
import io.udm.app.routing.BackendRouter;
import io.udm.spi.Placement;
import io.udm.spi.PlacementMove;
import io.udm.spi.PlacementRegistry;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Plans and runs rebalances: every collection placed on a pair other than its owner among the
 * pairs taking collections moves there, one collection at a time; former copies are removed once
 * their grace period is over. Reads placements a page at a time.
 */
public final class RebalanceService {
  private static final System.Logger LOG = System.getLogger(RebalanceService.class.getName());
  private static final int PAGE = 500;

  private final PlacementRegistry placements;
  private final BackendRouter router;
  private final Clock clock;
  private final CollectionMover mover;
  private final FormerCopyCleanup cleanup;

  public RebalanceService(PlacementRegistry placements, BackendRouter router, EffectsApplier afterCommitWork,
      Clock clock, Duration cleanupGrace) {
    this.placements = placements;
    this.router = router;
    this.clock = clock;
    this.mover = new CollectionMover(placements, router, clock);
    this.cleanup = new FormerCopyCleanup(placements, router, afterCommitWork, cleanupGrace);
  }

  public RebalancePlan planRebalance() {
    Instant now = clock.instant();
    List<CollectionMove> moves = new ArrayList<>();
    placements.forEach(PAGE, placement -> plannedMove(placement, now).ifPresent(moves::add));
    return new RebalancePlan(moves);
  }

  public RebalanceResult rebalance(RebalanceOptions opts) {
    if (opts == null || !opts.confirm()) {
      throw new ValidationException("a rebalance copies collections between backend pairs and switches where they"
          + " live; pass RebalanceOptions.confirmed() (udm rebalance --confirm). planRebalance() lists the moves");
    }
    RebalanceListener listener = opts.listener();
    Predicate<RouteContext> chosen = ctx -> opts.tenantId().map(ctx.tenantId()::equals).orElse(true);
    cleanDueCopies(chosen);
    List<CollectionMove> moves = planRebalance().moves().stream().filter(m -> chosen.test(m.collection())).toList();
    moves = moves.subList(0, Math.min(moves.size(), opts.maxCollections()));
    listener.started(moves.size());
    long moved = 0;
    long failed = 0;
    long versions = 0;
    long objects = 0;
    for (int i = 0; i < moves.size(); i++) {
      CollectionMove move = moves.get(i);
      listener.moveStarted(move, i + 1);
      try {
        CollectionMover.Copied copied = mover.move(move, listener);
        moved++;
        versions += copied.versions();
        objects += copied.objects();
        listener.moveFinished(move);
      } catch (RuntimeException e) {
        failed++;
        LOG.log(Level.WARNING, "moving {0} failed: {1}", move, e.getMessage());
        listener.moveFailed(move, e);
      }
    }
    // With no grace period the copies just left behind go now.
    cleanDueCopies(chosen);
    return new RebalanceResult(moved, versions, objects, failed);
  }

  /**
   * The move a placement needs now: an unfinished move resumes; a placement off its owner moves,
   * unless its former copy still waits for its grace period (it moves after that copy is gone).
   */
  private Optional<CollectionMove> plannedMove(Placement placement, Instant now) {
    RouteContext ctx = placement.collection();
    Optional<PlacementMove> under = placement.move();
    if (placement.moving()) {
      return under.map(m -> new CollectionMove(ctx, m.fromBackendId(), m.toBackendId()));
    }
    if (router.backend(placement.backendId()).isEmpty()) {
      LOG.log(Level.WARNING, "{0} lives on backend {1}, which is not configured; it cannot be moved", ctx,
          placement.backendId());
      return Optional.empty();
    }
    String owner = router.owner(ctx).backendId();
    if (owner.equals(placement.backendId()) || (under.isPresent() && !cleanup.due(placement, now))) {
      return Optional.empty();
    }
    return Optional.of(new CollectionMove(ctx, placement.backendId(), owner));
  }

  private void cleanDueCopies(Predicate<RouteContext> chosen) {
    Instant now = clock.instant();
    List<Placement> due = new ArrayList<>();
    placements.forEach(PAGE, placement -> {
      if (chosen.test(placement.collection()) && cleanup.due(placement, now)) {
        due.add(placement);
      }
    });
    for (Placement placement : due) {
      try {
        long objects = cleanup.clean(placement);
        LOG.log(Level.INFO, "removed the former copy of {0} from {1} ({2} objects)", placement.collection(),
            placement.move().map(PlacementMove::fromBackendId).orElse("?"), objects);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "removing the former copy of {0} failed ({1}); the next rebalance tries again",
            placement.collection(), e.getMessage());
      }
    }
  }
}
