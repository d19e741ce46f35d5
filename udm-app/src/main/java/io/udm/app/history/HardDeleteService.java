package io.udm.app.history;

import io.udm.app.holds.HoldService;

import io.udm.api.HardDeleteOptions;
import io.udm.api.HardDeleteResult;
import io.udm.api.Names;
import io.udm.api.RouteContext;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.ValidationException;
import io.udm.app.counters.CounterRecorder;
import io.udm.app.counters.CountersService;
import io.udm.app.effects.EffectsApplier;
import io.udm.app.purge.ItemPurge;
import io.udm.app.routing.BackendRouter;
import io.udm.app.scan.ItemHistory;
import io.udm.domain.counters.CounterDeltas;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.BackendPorts;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import io.udm.spi.PrunedRequest;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Irreversibly removes an item and everything stored for it: the head, every version record, and
 * every object under the item's prefix in the JSON and content buckets (payloads of every version,
 * failed attempts included, and content objects). Needs {@code hardDeleteEnabled} and an explicit
 * confirmation. The head goes first and again last (a reader may roll it forward in between), the
 * records before the objects; an interrupted hard delete is finished by calling it again.
 */
public final class HardDeleteService {
  private static final System.Logger LOG = System.getLogger(HardDeleteService.class.getName());

  private final UdmConfig config;
  private final BackendRouter router;
  private final CounterDeltas counterDeltas;
  private final CountersService counters;
  private final EffectsApplier afterCommitWork;
  private final Clock clock;

  private final HoldService holds;

  public HardDeleteService(UdmConfig config, BackendRouter router, CounterDeltas counterDeltas, CountersService counters,
      EffectsApplier afterCommitWork, Clock clock, HoldService holds) {
    this.holds = holds;
    this.config = config;
    this.router = router;
    this.counterDeltas = counterDeltas;
    this.counters = counters;
    this.afterCommitWork = afterCommitWork;
    this.clock = clock;
  }

  public HardDeleteResult hardDelete(RouteContext ctx, String id, HardDeleteOptions opts) {
    Objects.requireNonNull(ctx, "ctx");
    List<String> problems = new ArrayList<>();
    if (!config.hardDeleteEnabled()) {
      problems.add("hard delete is disabled; set hardDeleteEnabled: true in the configuration to allow it");
    }
    if (opts == null || !opts.confirm()) {
      problems.add("hard delete is irreversible and must be confirmed; pass HardDeleteOptions.confirmed()");
    }
    Names.objectIdProblem(id).ifPresent(problems::add);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    holds.refuseIfHeld(ctx, id, "a hard delete");
    ItemKey key = ItemKey.of(ctx, id);
    BackendPorts backend = router.forMaintenance(ctx);
    // Before anything goes: from now on every write in the collection checks the head it read
    // against the version log, since what follows may leave a head that points at nothing.
    backend.sequences().markHardDelete(ctx);
    // And a rewrite: heads this or another process remembers may be of the item it removes.
    backend.sequences().beginRewrite(ctx);
    try {
      return remove(ctx, id, key, backend);
    } finally {
      backend.sequences().endRewrite(ctx);
    }
  }

  private HardDeleteResult remove(RouteContext ctx, String id, ItemKey key, BackendPorts backend) {
    // The item's own additions go in first (work still owed would vanish with its versions), then
    // what the item counted for (live, rule matches) leaves the counters with it.
    settleOwedWork(backend, key);
    Optional<io.udm.spi.CounterDelta> removal = counterRemoval(backend, ctx, key);
    boolean hadHead = backend.heads().delete(key);
    if (hadHead) {
      removal.ifPresent(delta -> counters.remove(ctx, delta));
    }
    rememberRequestIds(backend, key);
    long versions = ItemPurge.deleteVersions(backend, key);
    String prefix = StorageKeys.itemPrefix(key);
    long objects = ItemPurge.deleteObjects(backend, prefix);
    // A reader may have rolled the head forward from a record that is now gone.
    hadHead |= backend.heads().delete(key);
    if (!backend.versions().history(key).isEmpty()) {
      // A writer appended while the objects went (it takes its version back, unless it died): remove it now.
      versions += ItemPurge.deleteVersions(backend, key);
      objects += ItemPurge.deleteObjects(backend, prefix);
    }
    if (!hadHead && versions == 0 && objects == 0) {
      throw new NotFoundException("item '" + id + "' does not exist in " + ctx + "; nothing to hard-delete");
    }
    LOG.log(Level.INFO, "hard-deleted {0}: {1} versions and {2} objects removed", key, versions, objects);
    return new HardDeleteResult(versions, objects);
  }

  /**
   * The request ids of the item's versions outlive them, as retention's do: a retry of one of those
   * requests (a queued write whose first attempt did commit, a client resending) is answered "the
   * item was hard-deleted", and never writes the item back.
   */
  private void rememberRequestIds(BackendPorts backend, ItemKey key) {
    Instant expires = clock.instant().plus(Duration.ofDays(config.idempotency().retainRequestIdsDays()));
    List<PrunedRequest> memos = new ArrayList<>();
    ItemHistory.forEach(backend.versions(), key, version -> {
      if (version.requestId().isPresent()) {
        memos.add(PrunedRequest.of(version, expires));
      }
    });
    if (!memos.isEmpty()) {
      backend.requestMemos().rememberPrunedRequests(memos);
    }
  }

  private void settleOwedWork(BackendPorts backend, ItemKey key) {
    try {
      afterCommitWork.settle(backend, key);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "after-commit work owed by {0} could not be applied before its hard delete ({1}); run"
          + " maintenance().recountTotals on the collection", key, e.getClass().getSimpleName());
    }
  }

  /** What the item counts for; empty (and logged) when it cannot be read: a recount repairs the counters. */
  private Optional<io.udm.spi.CounterDelta> counterRemoval(BackendPorts backend, RouteContext ctx, ItemKey key) {
    try {
      Optional<HeadRecord> head = backend.heads().find(key);
      return head.map(h -> counterDeltas.removal(ctx,
          CounterRecorder.state(backend, h, !h.deleted() && counterDeltas.needsPayload(ctx))));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the counters of {0} could not be adjusted for the hard delete of {1} ({2});"
          + " run maintenance().recountTotals on the collection", ctx, key.objectId(), e.getClass().getSimpleName());
      return Optional.empty();
    }
  }
}
