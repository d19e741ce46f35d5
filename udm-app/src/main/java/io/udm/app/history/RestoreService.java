package io.udm.app.history;

import io.udm.api.CollectionRestoreResult;
import io.udm.api.Names;
import io.udm.api.RestoreResult;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.WriteOptions;
import io.udm.api.error.ValidationException;
import io.udm.app.routing.BackendRouter;
import io.udm.app.write.WriteOutcome;
import io.udm.app.write.WritePipeline;
import io.udm.domain.restore.RestorePoint;
import io.udm.domain.write.WriteRequest;
import io.udm.spi.IdGenerator;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.time.Clock;
import java.util.Objects;

/**
 * Restores an item or a whole collection by appending versions equal to a past state: history is
 * never rewritten. Object restores and every item of a collection restore go through the write
 * pipeline, so they get the commit protocol, head roll-forward and request-id idempotency.
 */
public final class RestoreService {
  /** Items per page of a collection restore, and per checkpoint. */
  static final int DEFAULT_PAGE_SIZE = 250;

  private final WritePipeline pipeline;
  private final BackendRouter router;
  private final IdGenerator ids;
  private final Clock clock;
  private final int pageSize;

  public RestoreService(WritePipeline pipeline, BackendRouter router, IdGenerator ids, Clock clock) {
    this(pipeline, router, ids, clock, DEFAULT_PAGE_SIZE);
  }

  /** With {@code pageSize} items per page and checkpoint of a collection restore. */
  public RestoreService(WritePipeline pipeline, BackendRouter router, IdGenerator ids, Clock clock,
      int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("a restore page holds at least one item, got " + pageSize);
    }
    this.pipeline = pipeline;
    this.router = router;
    this.ids = ids;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /**
   * Appends a version (op RESTORE) whose data equals the target version's; a deleted item comes
   * back when the target is live. A target that never existed or was pruned is {@code
   * NotFoundException}; {@code expectedOv} guards the item's current ov.
   */
  public RestoreResult restoreObject(RouteContext ctx, String id, RestoreTarget to, WriteOptions opts) {
    Objects.requireNonNull(ctx, "ctx");
    Names.requireObjectId(id);
    RestorePoint.requireObjectTarget(to);
    if (opts == null) {
      throw new ValidationException("write options must not be null; use WriteOptions.none()");
    }
    ItemKey key = ItemKey.of(ctx, id);
    WriteOutcome outcome = pipeline.write(WriteRequest.Restore.object(key, to, opts));
    long from = outcome.restoredFrom().map(VersionRecord::ov)
        .orElseGet(() -> restoredFromOfReplay(key, to, outcome.ov()));
    return new RestoreResult(id, outcome.ov(), outcome.cv(), outcome.at(), from);
  }

  /**
   * Brings every item of the collection back to its state at the target, in pages, with a
   * checkpoint per page; see {@link CollectionRestore}. {@code listener} hears about every page
   * once it is checkpointed, and once more when the restore is done.
   */
  public CollectionRestoreResult restoreCollection(RouteContext ctx, RestoreTarget to, WriteOptions opts,
      RestoreProgress.Listener listener) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(listener, "listener");
    RestorePoint.requireCollectionTarget(to);
    if (opts == null) {
      throw new ValidationException("write options must not be null; use WriteOptions.none()");
    }
    return new CollectionRestore(pipeline, router.forWrite(ctx), ids, clock, pageSize)
        .run(ctx, to, opts, listener);
  }

  /** A replayed request returns its first version; work out which version that one copied. */
  private long restoredFromOfReplay(ItemKey key, RestoreTarget to, long firstOv) {
    if (to instanceof RestoreTarget.Version v) {
      return v.ov();
    }
    RestoreTarget.AtInstant at = (RestoreTarget.AtInstant) to;
    return router.forRead(key.collection()).versions().history(key).stream()
        .filter(r -> r.ov() < firstOv && !r.at().isAfter(at.instant()))
        .mapToLong(VersionRecord::ov)
        .max()
        .orElse(0);
  }
}
