package io.udm.app.rebalance;

import io.udm.api.CollectionMove;
import io.udm.api.RebalanceListener;
import io.udm.api.RouteContext;
import io.udm.app.optimizer.Uncached;
import io.udm.app.routing.BackendRouter;
import io.udm.spi.BackendPorts;
import io.udm.spi.ItemKey;
import io.udm.spi.MovePhase;
import io.udm.spi.Placement;
import io.udm.spi.PlacementMove;
import io.udm.spi.PlacementRegistry;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Moves one collection online, in the shape of a MongoDB chunk migration: copy while the source
 * takes commits, catch up by cv until a pass finds little new, fence the source's cv counter (no
 * cv is handed out on the source from then on), catch up to the last cv handed out, burning every
 * one that has no version (a commit still travelling with it then fails in the store and goes to
 * the target), check, raise the target's counter past it and switch the placement. The phase is recorded in the placement before each irreversible step, so a
 * crashed move resumes where it stopped; a move that fails after fencing is unfenced, unless its
 * switch may have happened.
 */
final class CollectionMover {
  private static final System.Logger LOG = System.getLogger(CollectionMover.class.getName());
  /** Catch-up passes before the fence, at most: a collection written faster than it copies is fenced anyway. */
  private static final int MAX_CATCH_UPS = 8;
  /** A catch-up pass copying no more than this many versions means the fence will be short. */
  private static final long FEW_ENOUGH = 50;

  private final PlacementRegistry placements;
  private final BackendRouter router;
  private final Clock clock;

  CollectionMover(PlacementRegistry placements, BackendRouter router, Clock clock) {
    this.placements = placements;
    this.router = router;
    this.clock = clock;
  }

  /** What one move copied. */
  record Copied(long versions, long objects) {}

  Copied move(CollectionMove move, RebalanceListener listener) {
    RouteContext ctx = move.collection();
    BackendPorts source = storeItself(configured(move.fromBackendId(), move));
    if (router.backend(move.toBackendId()).isEmpty()) {
      abandon(move, source);
    }
    BackendPorts target = storeItself(configured(move.toBackendId(), move));
    Placement placement = begun(move);
    CollectionCopier copier = new CollectionCopier(source, target, ctx, clock);
    MoveCheck check = new MoveCheck(source, target, ctx, copier);
    long frontier = 0;
    if (phase(placement) == MovePhase.COPYING) {
      listener.step(move, "copy");
      frontier = copier.pass(0, 0).frontier();
      listener.copied(move, copier.versionsCopied(), copier.objectsCopied());
      for (int pass = 0; pass < MAX_CATCH_UPS; pass++) {
        long before = copier.versionsCopied();
        frontier = copier.pass(frontier, 0).frontier();
        listener.copied(move, copier.versionsCopied(), copier.objectsCopied());
        if (copier.versionsCopied() - before <= FEW_ENOUGH) {
          break;
        }
      }
      listener.step(move, "check");
      check.copiesSoFar();
      listener.step(move, "fence");
      placement = replaced(placement, placement.next(source.backendId(),
          placement.move().map(m -> m.in(MovePhase.FENCED, clock.instant()))));
    }
    long lastCv = source.sequences().fence(ctx);
    try {
      listener.step(move, "catch-up");
      Set<ItemKey> touched = catchUpToFence(copier, frontier, lastCv);
      // Retention waits for the move, so the memos are final once the counter is fenced.
      copier.copyRequestMemos();
      listener.copied(move, copier.versionsCopied(), copier.objectsCopied());
      listener.step(move, "check");
      check.afterFence(touched);
      // Heads a hard delete left pointing at nothing may have been copied: writes there check heads.
      if (source.sequences().hardDeleteMarked(ctx)) {
        target.sequences().markHardDelete(ctx);
      }
      // The copy rewrote the target's records: heads remembered from the collection's earlier stay there are void.
      target.sequences().beginRewrite(ctx);
      target.sequences().endRewrite(ctx);
      target.sequences().reopen(ctx, lastCv);
      listener.step(move, "switch");
      replaced(placement, placement.next(target.backendId(),
          placement.move().map(m -> m.in(MovePhase.CLEANUP, clock.instant()))));
    } catch (RuntimeException failed) {
      unfence(placement, source, lastCv, failed);
      throw failed;
    }
    router.forget(ctx);
    return new Copied(copier.versionsCopied(), copier.objectsCopied());
  }

  /**
   * Copies until every cv up to {@code lastCv} is copied or burned. The counter is fenced at
   * {@code lastCv}, so no other cv can commit on the source, and a missing one is burned at once:
   * a write that drew it before the fence and arrives late fails in the store and goes to the
   * target. No waiting on any writer's clock.
   */
  private Set<ItemKey> catchUpToFence(CollectionCopier copier, long frontier, long lastCv) {
    Set<ItemKey> touched = new LinkedHashSet<>();
    CollectionCopier.Pass pass = copier.pass(frontier, lastCv);
    touched.addAll(pass.items());
    while (pass.frontier() < lastCv) {
      // A version landed while its cv was being burned: the next pass copies it and goes on.
      pass = copier.pass(pass.frontier(), lastCv);
      touched.addAll(pass.items());
    }
    return touched;
  }

  /** The placement with this move begun (copying) or as far as an earlier run took it. */
  private Placement begun(CollectionMove move) {
    RouteContext ctx = move.collection();
    Placement placement = placements.placement(ctx).orElseThrow(() -> new MoveFailedException(
        "collection " + ctx + " has no placement any more; nothing to move"));
    Optional<PlacementMove> under = placement.move();
    if (under.isPresent() && under.get().phase() != MovePhase.CLEANUP) {
      if (!under.get().fromBackendId().equals(move.fromBackendId()) || !under.get().toBackendId().equals(move.toBackendId())) {
        throw new MoveFailedException("collection " + ctx + " is being moved from '" + under.get().fromBackendId()
            + "' to '" + under.get().toBackendId() + "', not as planned; plan again");
      }
      return placement;
    }
    if (under.isPresent()) {
      throw new MoveFailedException("collection " + ctx + " still has a copy on its former pair '"
          + under.get().fromBackendId() + "' waiting for removal (rebalance.cleanupGraceSeconds); it moves once that"
          + " copy is removed");
    }
    if (!placement.backendId().equals(move.fromBackendId())) {
      throw new MoveFailedException("collection " + ctx + " lives on '" + placement.backendId() + "' now, not on '"
          + move.fromBackendId() + "'; plan again");
    }
    return replaced(placement, placement.next(move.fromBackendId(), Optional.of(
        new PlacementMove(move.fromBackendId(), move.toBackendId(), MovePhase.COPYING, clock.instant()))));
  }

  private static MovePhase phase(Placement placement) {
    return placement.move().orElseThrow().phase();
  }

  private Placement replaced(Placement expected, Placement next) {
    if (!placements.replace(expected, next)) {
      throw new MoveFailedException("the placement of " + expected.collection() + " changed while it was being"
          + " moved (is another rebalance running?); run the rebalance again");
    }
    return next;
  }

  /**
   * Gives the source back its commits after a failed move, but only once the placement is back to
   * copying at the fenced revision: a switch whose reply was lost must never be followed by commits
   * on the source. Anything uncertain leaves the fence for the next run to finish the move.
   */
  private void unfence(Placement fenced, BackendPorts source, long lastCv, RuntimeException failed) {
    try {
      Placement copying = fenced.next(source.backendId(), fenced.move().map(m -> m.in(MovePhase.COPYING, clock.instant())));
      if (placements.replace(fenced, copying)) {
        source.sequences().reopen(fenced.collection(), lastCv);
        router.forget(fenced.collection());
      }
    } catch (RuntimeException unfenceFailed) {
      failed.addSuppressed(unfenceFailed);
      LOG.log(Level.WARNING, "collection {0} stays fenced on {1} after its move failed; run the rebalance again to"
          + " finish the move", fenced.collection(), source.backendId());
    }
  }

  /**
   * A move whose target is no longer configured cannot finish: it is taken off the placement (the
   * source unfenced after that), so the collection is writable where it is and the next plan starts
   * afresh. What was copied stays on the target pair; it is never routed to.
   */
  private void abandon(CollectionMove move, BackendPorts source) {
    RouteContext ctx = move.collection();
    Optional<Placement> placement = placements.placement(ctx);
    if (placement.isPresent() && placement.get().moving()
        && placement.get().move().orElseThrow().toBackendId().equals(move.toBackendId())) {
      replaced(placement.get(), placement.get().next(source.backendId(), Optional.empty()));
      source.sequences().reopen(ctx, source.sequences().current(ctx));
      router.forget(ctx);
    }
    throw new MoveFailedException("the move of " + ctx + " to backend '" + move.toBackendId() + "' was abandoned:"
        + " that pair is not configured any more; the collection stays on '" + source.backendId() + "' and the next"
        + " rebalance plans it afresh");
  }

  private BackendPorts configured(String backendId, CollectionMove move) {
    return router.backend(backendId).orElseThrow(() -> new MoveFailedException("backend '" + backendId + "' of "
        + move + " is not configured"));
  }

  /**
   * The pair with its object store itself, not behind the payload cache: the copy's checks must
   * read what the target holds, and a copy need not fill this process's cache.
   */
  private static BackendPorts storeItself(BackendPorts b) {
    return b.withBlobs(Uncached.store(b.blobs()));
  }
}
