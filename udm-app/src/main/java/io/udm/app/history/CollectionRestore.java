package io.udm.app.history;

import io.udm.api.CollectionRestoreResult;
import io.udm.api.MetaQuery;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.WriteOptions;
import io.udm.api.error.OptimisticLockException;
import io.udm.api.error.StorageException;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import io.udm.app.payloads.StoredPayloads;
import io.udm.app.write.WritePipeline;
import io.udm.domain.restore.ItemRestoreDecision;
import io.udm.domain.restore.RestoreCheckpoint;
import io.udm.domain.restore.RestorePoint;
import io.udm.domain.write.WriteRequest;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.IdGenerator;
import io.udm.spi.ItemKey;
import io.udm.spi.ListPosition;
import io.udm.spi.VersionRecord;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * One run of a collection restore. Items are visited in object id order, a page of heads at a
 * time (deleted ones included), so memory stays bounded by the page size whatever the collection's
 * size. For each item: its newest version with {@code cv <= N} (or {@code at <= t}) is the target;
 * an item already in that state is left alone; an item that did not exist then becomes deleted;
 * any other is restored with a new version (op RESTORE).
 *
 * <p>Crash safety: the run's checkpoint (in the backups bucket, see {@link RestoreCheckpoint}) is
 * written before the first item and after every page. A rerun with the same target (or the same
 * request id) picks the checkpoint up and continues after its last item. Items of the interrupted
 * page are visited again, but every version this run appends carries a request id derived from
 * the run and the object id, so an item restored before the crash is recognised (and counted as
 * restored) instead of written twice. When the run ends its checkpoint is removed; with a caller's
 * request id it is kept, marked done, so the same call returns the same result.
 */
final class CollectionRestore {
  private static final System.Logger LOG = System.getLogger(CollectionRestore.class.getName());
  /** An item rewritten by someone else while we restore it is retried this many times. */
  private static final int MAX_CONFLICT_ROUNDS = 5;
  private static final int PRUNED_IDS_LOGGED = 20;
  /** How many of an item's newest versions are read first: a restore target is usually recent. */
  private static final int RECENT_VERSIONS = 8;

  private final WritePipeline pipeline;
  private final BackendPorts backend;
  private final IdGenerator ids;
  private final Clock clock;
  private final int pageSize;
  private long prunedLogged;

  CollectionRestore(WritePipeline pipeline, BackendPorts backend, IdGenerator ids, Clock clock, int pageSize) {
    this.pipeline = pipeline;
    this.backend = backend;
    this.ids = ids;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  CollectionRestoreResult run(RouteContext ctx, RestoreTarget to, WriteOptions opts, RestoreProgress.Listener listener) {
    requireCollectionOptions(opts);
    String checkpointKey = RestoreCheckpoint.key(ctx, to, opts.requestId());
    Optional<RestoreCheckpoint> saved = load(checkpointKey);
    RestoreCheckpoint run;
    boolean resumed = saved.isPresent();
    if (saved.isPresent()) {
      run = saved.get();
      if (!run.target().equals(to)) {
        throw new ValidationException("requestId '" + opts.requestId().orElse("") + "' was already used for a"
            + " restore of " + ctx + " to " + RestorePoint.describe(run.target()) + "; use a new requestId for a"
            + " restore to " + RestorePoint.describe(to));
      }
      if (run.done()) {
        return result(run);
      }
      LOG.log(Level.INFO, "resuming the restore of {0} to {1} after item {2} ({3} items done)",
          ctx, RestorePoint.describe(to), run.after().orElse("(none)"), run.scanned());
    } else {
      run = RestoreCheckpoint.start(ids.newWriteId(), to, opts.requestId(), now());
      save(checkpointKey, run);
    }

    while (true) {
      Optional<ListPosition> after = run.after().map(id -> new ListPosition(null, id));
      List<HeadRecord> page = backend.heads().query(
          new HeadQuery(ctx, MetaQuery.all(), Optional.empty(), true, after, pageSize, true));
      if (page.isEmpty()) {
        break;
      }
      RestoreCheckpoint.Tally tally = new RestoreCheckpoint.Tally();
      for (HeadRecord head : page) {
        restoreItem(run, head, to, opts, tally);
      }
      run = run.advance(page.get(page.size() - 1).key().objectId(), tally, now());
      save(checkpointKey, run);
      listener.onProgress(snapshot(ctx, run, resumed, false));
      if (page.size() < pageSize) {
        break;
      }
    }

    run = run.finish(backend.sequences().current(ctx), now());
    if (opts.requestId().isPresent()) {
      save(checkpointKey, run);
    } else {
      backend.blobs().delete(BlobArea.BACKUPS, checkpointKey);
    }
    LOG.log(Level.INFO, "restored {0} to {1}: {2} restored, {3} unchanged ({4} of them pruned), {5} deleted",
        ctx, RestorePoint.describe(to), run.restored(), run.unchanged(), run.pruned(), run.deleted());
    listener.onProgress(snapshot(ctx, run, resumed, true));
    return result(run);
  }

  private void restoreItem(RestoreCheckpoint run, HeadRecord head, RestoreTarget to, WriteOptions opts,
      RestoreCheckpoint.Tally tally) {
    ItemKey key = head.key();
    String requestId = run.itemRequestId(key.objectId());
    for (int round = 1; ; round++) {
      Optional<VersionRecord> applied = backend.versions().findByRequestId(key.collection(), requestId);
      if (applied.isPresent()) {
        // Restored by this run before a crash: count it, write nothing.
        count(tally, applied.get().deleted());
        return;
      }
      // The log is the truth: its newest record is the latest committed version (the write below
      // rolls a lagging head forward). One read gives both.
      List<VersionRecord> versions = versionsToDecideOn(key, head.ov(), to);
      Optional<VersionRecord> latest = versions.stream().max(java.util.Comparator.comparingLong(VersionRecord::ov));
      if (latest.isEmpty()) {
        // Hard-deleted while the restore ran: nothing left to restore.
        tally.unchanged();
        return;
      }
      ItemRestoreDecision decision =
          ItemRestoreDecision.decide(latest.get(), versions, RestorePoint.select(versions, to));
      Optional<Restore> restore = restoreOf(key, latest.get(), decision, tally);
      if (restore.isEmpty()) {
        return;
      }
      try {
        write(key, latest.get().ov(), restore.get(), run, requestId, opts);
        count(tally, restore.get().deleted());
        return;
      } catch (OptimisticLockException raced) {
        if (round >= MAX_CONFLICT_ROUNDS) {
          throw raced;
        }
      }
    }
  }

  /**
   * The item's versions that decide the same as its whole history would: its newest ones, read by
   * primary key, when they are complete up to the newest (the head does not lag, nothing is
   * missing) and hold the target or go back to ov 1; its whole history otherwise, a query by item
   * that costs more on every store.
   */
  private List<VersionRecord> versionsToDecideOn(ItemKey key, long headOv, RestoreTarget to) {
    long oldest = Math.max(1, headOv - (RECENT_VERSIONS - 1));
    // One past the head too: if it exists the head lags and the newest version is not among these.
    List<VersionRecord> recent = backend.versions().findAll(key, LongStream.rangeClosed(oldest, headOv + 1).boxed().toList());
    boolean completeUpToHead = recent.size() == headOv - oldest + 1 && recent.get(recent.size() - 1).ov() == headOv;
    if (completeUpToHead && (oldest == 1 || RestorePoint.select(recent, to).isPresent())) {
      return recent;
    }
    return backend.versions().history(key);
  }

  /** The restore to write, or empty when the item stays as it is (counted here). */
  private Optional<Restore> restoreOf(ItemKey key, VersionRecord latest, ItemRestoreDecision decision,
      RestoreCheckpoint.Tally tally) {
    if (decision instanceof ItemRestoreDecision.Unchanged) {
      tally.unchanged();
      return Optional.empty();
    }
    if (decision instanceof ItemRestoreDecision.Pruned pruned) {
      tally.pruned();
      if (prunedLogged++ < PRUNED_IDS_LOGGED) {
        LOG.log(Level.WARNING, "item {0} is left as it is: its state at the restore target was pruned by retention"
            + " (its oldest kept version is ov {1})", key, pruned.oldestKeptOv());
      }
      return Optional.empty();
    }
    if (decision instanceof ItemRestoreDecision.MarkDeleted) {
      return Optional.of(new Restore(latest.ov(), true));
    }
    if (decision instanceof ItemRestoreDecision.RestoreTo to) {
      return Optional.of(new Restore(to.target().ov(), to.target().deleted()));
    }
    VersionRecord target = ((ItemRestoreDecision.CompareWith) decision).target();
    if (JsonValues.equal(StoredPayloads.userData(backend, target), StoredPayloads.userData(backend, latest))) {
      tally.unchanged();
      return Optional.empty();
    }
    return Optional.of(new Restore(target.ov(), target.deleted()));
  }

  /** The version an item goes back to, and whether it ends deleted. */
  private record Restore(long fromOv, boolean deleted) {}

  private void write(ItemKey key, long expectedOv, Restore restore, RestoreCheckpoint run, String requestId,
      WriteOptions opts) {
    WriteOptions itemOpts = WriteOptions.builder()
        .from(opts)
        .requestId(requestId)
        .expectedOv(expectedOv)
        .build();
    pipeline.write(WriteRequest.Restore.inRun(key, restore.fromOv(), restore.deleted(),
        new WriteRequest.CollectionRun(run.runId(), run.target()), itemOpts));
  }

  private static void count(RestoreCheckpoint.Tally tally, boolean deleted) {
    if (deleted) {
      tally.deleted();
    } else {
      tally.restored();
    }
  }

  private static void requireCollectionOptions(WriteOptions opts) {
    List<String> problems = new ArrayList<>();
    opts.objectId().ifPresent(id -> problems.add(
        "objectId names one item; restoreCollection restores every item, so leave it out (or use restoreObject)"));
    if (opts.expectedOv().isPresent()) {
      problems.add("expectedOv guards one item's version; restoreCollection does not take it (use restoreObject)");
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  private Optional<RestoreCheckpoint> load(String key) {
    return backend.blobs().get(BlobArea.BACKUPS, key).map(bytes -> {
      try {
        return RestoreCheckpoint.fromBytes(bytes);
      } catch (RuntimeException damaged) {
        throw new StorageException("the restore checkpoint " + key + " in the backups bucket of backend "
            + backend.backendId() + " cannot be read (" + damaged.getClass().getSimpleName() + "); it was changed"
            + " outside UDM. Delete it to start this restore over, or restore with a new requestId", false, damaged);
      }
    });
  }

  private void save(String key, RestoreCheckpoint checkpoint) {
    backend.blobs().put(BlobArea.BACKUPS, key, checkpoint.toBytes(), "application/json");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static CollectionRestoreResult result(RestoreCheckpoint run) {
    return new CollectionRestoreResult(run.resultCv().orElse(0), run.restored(), run.unchanged(), run.deleted());
  }

  private static RestoreProgress.Snapshot snapshot(RouteContext ctx, RestoreCheckpoint run, boolean resumed,
      boolean done) {
    return new RestoreProgress.Snapshot(ctx, run.target(), run.scanned(), run.restored(), run.unchanged(),
        run.deleted(), run.pruned(), run.after(), resumed, done);
  }
}
