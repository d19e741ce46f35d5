package io.udm.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Operations that change or inspect storage beyond ordinary writes. */
public interface MaintenanceApi {
  /** Irreversibly removes an item: head, every version, every payload and content object. */
  HardDeleteResult hardDelete(RouteContext ctx, String id, HardDeleteOptions opts);

  /** Removes expired or oversized dev shadows from heads (or only reports them, on a dry run). */
  default ShrinkResult shrinkDevShadows(RouteContext ctx, ShrinkOptions opts) {
    return shrinkDevShadows(ctx, opts, ProgressListener.NONE);
  }

  /** As {@link #shrinkDevShadows(RouteContext, ShrinkOptions)}, telling {@code progress} of every head scanned. */
  ShrinkResult shrinkDevShadows(RouteContext ctx, ShrinkOptions opts, ProgressListener progress);

  /** Prunes versions per {@code retention.ver}; the newest version of an item always stays. */
  default RetentionResult applyRetention(RouteContext ctx) {
    return applyRetention(ctx, ProgressListener.NONE);
  }

  /** As {@link #applyRetention(RouteContext)}, telling {@code progress} of every item done. */
  RetentionResult applyRetention(RouteContext ctx, ProgressListener progress);

  /** Removes payloads and version records of attempts that never committed, older than {@code olderThan}. */
  default GcResult collectGarbage(RouteContext ctx, Duration olderThan) {
    return collectGarbage(ctx, olderThan, ProgressListener.NONE);
  }

  /** As {@link #collectGarbage(RouteContext, Duration)}, telling {@code progress} of every item swept. */
  GcResult collectGarbage(RouteContext ctx, Duration olderThan, ProgressListener progress);

  /**
   * Reports dangling heads, ov gaps, missing payloads and orphans. The report keeps the first
   * problems up to a bound and counts all of them ({@link VerifyReport#problemsFound()}).
   */
  default VerifyReport verify(RouteContext ctx) {
    return verify(ctx, ProgressListener.NONE);
  }

  /** As {@link #verify(RouteContext)}, telling {@code progress} of every item checked. */
  VerifyReport verify(RouteContext ctx, ProgressListener progress);

  /**
   * Rebuilds a collection's {@code live} and rule gauges from its heads (read in pages): afterwards
   * they equal what the heads hold now, as if every rule listed every operation. Operation totals
   * (creates, updates, deletes, enrichments, restores) cannot be derived from heads and are kept as
   * they are. Run it on a quiet collection: a write committed during the scan may be counted twice
   * or not at all (run it again).
   */
  RecountResult recountTotals(RouteContext ctx);

  /**
   * Checks the latest version of every live item of {@code ctx} against the collection's current
   * schema, for example after making it stricter. Reads only. A collection without a schema is a
   * {@link io.udm.api.error.ValidationException}.
   */
  default SchemaReport checkSchema(RouteContext ctx) {
    return checkSchema(ctx, ProgressListener.NONE);
  }

  /** As {@link #checkSchema(RouteContext)}, telling {@code progress} of every item checked. */
  SchemaReport checkSchema(RouteContext ctx, ProgressListener progress);

  /**
   * Fills in the indexed properties of every item from its latest version's data, without a new
   * version (ov and cv stay), then records every property of {@code indexedProps} complete, so
   * listings may filter and sort on it. Safe while writers run (they index what they write); an
   * interrupted reindex finishes when called again. Refused while a rebalance moves the collection.
   */
  default ReindexResult reindex(RouteContext ctx) {
    return reindex(ctx, ProgressListener.NONE);
  }

  /** As {@link #reindex(RouteContext)}, telling {@code progress} of every item scanned. */
  ReindexResult reindex(RouteContext ctx, ProgressListener progress);

  /**
   * Places a legal hold on item {@code itemId} of {@code ctx}, or on the whole collection when it is
   * empty: retention keeps every version it covers and a hard delete of it raises {@link
   * io.udm.api.error.LegalHoldException} naming the hold. {@code reason} is required.
   */
  Hold placeHold(RouteContext ctx, Optional<String> itemId, String reason);

  /** Releases a hold; an unknown id is a {@link io.udm.api.error.NotFoundException}. */
  void releaseHold(String holdId);

  /** The holds of {@code ctx}, on the collection and on its items, oldest first. */
  List<Hold> listHolds(RouteContext ctx);

  /**
   * The moves {@link #rebalance} would make now: collections placed on a pair other than their
   * rendezvous owner among the pairs that are not draining ({@code routing.drain}), and moves a
   * crashed run left unfinished. Reads placements only.
   */
  RebalancePlan planRebalance();

  /**
   * Moves the planned collections online (copy, catch up, fence, check, switch), and removes the
   * copies left on former pairs once {@code rebalance.cleanupGraceSeconds} have passed since their
   * switch. Needs {@code confirm}. A crashed run resumes where it stopped when run again.
   */
  RebalanceResult rebalance(RebalanceOptions opts);
}
