package io.udm.app.history;

import io.udm.app.holds.HoldService;

import io.udm.api.Progress;
import io.udm.api.ProgressListener;
import io.udm.api.RetentionResult;
import io.udm.api.RouteContext;
import io.udm.api.config.UdmConfig;
import io.udm.app.routing.BackendRouter;
import io.udm.app.scan.ItemScan;
import io.udm.app.write.HeadRepair;
import io.udm.domain.retention.RetentionPolicy;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import io.udm.spi.PrunedRequest;
import io.udm.spi.VersionRecord;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Prunes old versions per {@code retention.ver} ({@link RetentionPolicy}): their records and their
 * payloads. Content objects that only pruned versions referred to are left to garbage collection.
 * The newest version of every item stays.
 * Records go first, payloads after: a crash in between leaves only unreferenced objects, which
 * garbage collection removes, never a record pointing at nothing. A pruned record's request id is
 * remembered first ({@code idempotency.retainRequestIdsDays}), so its replay still returns the
 * first result.
 */
public final class RetentionService {
  private static final System.Logger LOG = System.getLogger(RetentionService.class.getName());
  private static final int PAGE_SIZE = 250;

  private final RetentionPolicy policy;
  private final Duration requestIdsKept;
  private final BackendRouter router;
  private final Clock clock;
  private final HoldService holds;

  public RetentionService(UdmConfig config, BackendRouter router, Clock clock, HoldService holds) {
    this.policy = RetentionPolicy.of(config.retention().ver());
    this.requestIdsKept = Duration.ofDays(config.idempotency().retainRequestIdsDays());
    this.router = router;
    this.clock = clock;
    this.holds = holds;
  }

  public RetentionResult apply(RouteContext ctx) {
    return apply(ctx, ProgressListener.NONE);
  }

  /** Applies the policy to every item of {@code ctx}, telling {@code progress} after each. */
  public RetentionResult apply(RouteContext ctx, ProgressListener progress) {
    java.util.Objects.requireNonNull(ctx, "ctx");
    java.util.Objects.requireNonNull(progress, "progress");
    BackendPorts backend = router.forMaintenance(ctx);
    if (policy.keepsEverything()) {
      return new RetentionResult(0, 0);
    }
    Instant now = clock.instant();
    // Read once before the pass: a hold placed during it protects from the next pass on.
    HoldService.Coverage held = holds.coverage(ctx);
    long[] totals = new long[3];
    // Pruning frees ovs below heads that processes may remember: their writes read heads until it ends.
    backend.sequences().beginRewrite(ctx);
    try {
      ItemScan.forEachHead(backend, ctx, PAGE_SIZE, head -> {
        RetentionResult one = held.holding(head.key().objectId()).isPresent() ? new RetentionResult(0, 0)
            : prune(backend, head, now);
        totals[0] += one.versionsPruned();
        totals[1] += one.objectsRemoved();
        progress.onProgress(Progress.items("retention", ++totals[2]));
      });
    } finally {
      backend.sequences().endRewrite(ctx);
    }
    LOG.log(Level.INFO, "retention on {0} ({1}): {2} versions pruned, {3} objects removed",
        ctx, policy, totals[0], totals[1]);
    return new RetentionResult(totals[0], totals[1]);
  }

  private RetentionResult prune(BackendPorts backend, HeadRecord head, Instant now) {
    ItemKey key = head.key();
    // A head left behind by an interrupted write points at a version older than the newest, which
    // the policy may prune: roll it forward first, and never prune what the head points at then.
    HeadRepair.latestCommitted(backend, key);
    List<VersionRecord> history = backend.versions().history(key);
    Set<Long> prunable = new HashSet<>(policy.prunable(
        history.stream().map(v -> new RetentionPolicy.Stamp(v.ov(), v.at())).toList(), now));
    backend.heads().find(key).ifPresent(current -> prunable.remove(current.ov()));
    if (prunable.isEmpty()) {
      return new RetentionResult(0, 0);
    }
    List<VersionRecord> pruned = history.stream().filter(v -> prunable.contains(v.ov())).toList();
    // Before the records go (and free their request ids): a replay must still find its first result.
    List<PrunedRequest> memos = pruned.stream()
        .filter(v -> v.requestId().isPresent())
        .map(v -> PrunedRequest.of(v, now.plus(requestIdsKept)))
        .toList();
    if (!memos.isEmpty()) {
      backend.requestMemos().rememberPrunedRequests(memos);
    }
    long versions = backend.versions().delete(key, pruned.stream().map(VersionRecord::ov).toList());
    List<String> prunedObjects = pruned.stream().filter(v -> !v.payloadInline()).map(VersionRecord::payloadKey).toList();
    // Inline payloads went with their records.
    long objects = prunedObjects.isEmpty() ? 0 : backend.blobs().deleteAll(BlobArea.JSON, prunedObjects);
    // Content is shared between versions and may be uploaded again by a write at any moment: only
    // garbage collection, with its grace period and re-check, removes what no version references.
    return new RetentionResult(versions, objects);
  }
}
