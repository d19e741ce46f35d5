package io.udm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.CollectionRestoreResult;
import io.udm.api.Op;
import io.udm.api.RestoreResult;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.WriteOptions;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import io.udm.domain.restore.RestorePoint;
import io.udm.domain.write.RestoreSource;
import io.udm.domain.write.VersionPlanner;
import io.udm.domain.write.WriteRejection;
import io.udm.spi.BackendPorts;
import io.udm.spi.IdGenerator;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import io.vavr.control.Either;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Restores an item or a whole collection by appending versions equal to a past state: history is
 * never rewritten. Object restores and every item of a collection restore go through the write
 * pipeline, so they get the commit protocol, head roll-forward and request-id idempotency.
 */
public final class RestoreService {
  /** Items per page of a collection restore, and per checkpoint. */
  static final int DEFAULT_PAGE_SIZE = 250;

  private final UdmConfig config;
  private final VersionPlanner planner;
  private final WritePipeline pipeline;
  private final BackendRouter router;
  private final IdGenerator ids;
  private final Clock clock;
  private final int pageSize;

  RestoreService(UdmConfig config, VersionPlanner planner, WritePipeline pipeline, BackendRouter router,
      IdGenerator ids, Clock clock) {
    this(config, planner, pipeline, router, ids, clock, DEFAULT_PAGE_SIZE);
  }

  RestoreService(UdmConfig config, VersionPlanner planner, WritePipeline pipeline, BackendRouter router,
      IdGenerator ids, Clock clock, int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("a restore page holds at least one item, got " + pageSize);
    }
    this.config = config;
    this.planner = planner;
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
    WriteValidation.requireId(id);
    RestorePoint.requireObjectTarget(to);
    if (opts == null) {
      throw new ValidationException("write options must not be null; use WriteOptions.none()");
    }
    ItemKey key = ItemKey.of(ctx, id);
    ObjectNode body = JsonValues.NODES.objectNode().put("restore", RestorePoint.describe(to));
    long[] restoredFrom = {0};
    VersionRecord v = pipeline.write(key, Op.RESTORE, opts, Optional.empty(), body,
        (backend, latest, current, now) -> {
          if (latest.isEmpty()) {
            return Either.left(new WriteRejection.Missing("item '" + id + "' does not exist; nothing to restore"));
          }
          Optional<VersionRecord> target = resolve(backend, key, to);
          if (target.isEmpty()) {
            return Either.left(new WriteRejection.Missing(missingTarget(backend, key, to)));
          }
          restoredFrom[0] = target.get().ov();
          return planner.restore(id, current, source(backend, target.get()), config.collectionMap(ctx.collection()),
              opts.expectedOv(), now);
        });
    long from = restoredFrom[0] != 0 ? restoredFrom[0] : restoredFromOfReplay(key, to, v);
    return new RestoreResult(id, v.ov(), v.cv(), v.at(), from);
  }

  /**
   * Brings every item of the collection back to its state at the target, in pages, with a
   * checkpoint per page; see {@link CollectionRestore}.
   */
  public CollectionRestoreResult restoreCollection(RouteContext ctx, RestoreTarget to, WriteOptions opts) {
    Objects.requireNonNull(ctx, "ctx");
    RestorePoint.requireCollectionTarget(to);
    if (opts == null) {
      throw new ValidationException("write options must not be null; use WriteOptions.none()");
    }
    return BulkWrite.run(() -> new CollectionRestore(config, planner, pipeline, router.forWrite(ctx), ids, clock, pageSize)
        .run(ctx, to, opts, RestoreProgress.current()));
  }

  /** The state a version holds, as a restore source. */
  static RestoreSource source(BackendPorts backend, VersionRecord version) {
    ObjectNode data = VersionData.userData(backend, version);
    return new RestoreSource(data, version.deleted(), version.system().functionIds(), version.content());
  }

  private static Optional<VersionRecord> resolve(BackendPorts backend, ItemKey key, RestoreTarget to) {
    if (to instanceof RestoreTarget.Version v) {
      return backend.versions().find(key, v.ov());
    }
    return backend.versions().latestAtOrBefore(key, ((RestoreTarget.AtInstant) to).instant());
  }

  private static String missingTarget(BackendPorts backend, ItemKey key, RestoreTarget to) {
    Optional<VersionRecord> oldest = backend.versions().history(key).stream().findFirst();
    String kept = oldest
        .map(o -> " (its oldest kept version is ov " + o.ov() + " at " + o.at() + ")")
        .orElse("");
    if (to instanceof RestoreTarget.Version v) {
      return "item '" + key.objectId() + "' has no version " + v.ov() + ": it never existed or retention pruned it"
          + kept + "; pick a version from history(id)";
    }
    return "item '" + key.objectId() + "' has no version at or before " + ((RestoreTarget.AtInstant) to).instant()
        + ": it did not exist yet, or retention pruned that version" + kept + "; pick a later instant";
  }

  /** A replayed request returns its first version; work out which version that one copied. */
  private long restoredFromOfReplay(ItemKey key, RestoreTarget to, VersionRecord first) {
    if (to instanceof RestoreTarget.Version v) {
      return v.ov();
    }
    RestoreTarget.AtInstant at = (RestoreTarget.AtInstant) to;
    return router.forRead(key.collection()).versions().history(key).stream()
        .filter(r -> r.ov() < first.ov() && !r.at().isAfter(at.instant()))
        .mapToLong(VersionRecord::ov)
        .max()
        .orElse(0);
  }
}
