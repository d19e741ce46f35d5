package io.udm.app.write;

import io.udm.app.index.IndexStateTracker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ContentRef;
import io.udm.api.Op;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.OptimisticLockException;
import io.udm.api.error.StorageException;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import io.udm.app.payloads.StoredPayloads;
import io.udm.app.routing.BackendRouter;
import io.udm.domain.write.CommittedState;
import io.udm.domain.write.CurrentState;
import io.udm.domain.write.PlannedVersion;
import io.udm.domain.write.RestoreSource;
import io.udm.domain.write.VersionPlanner;
import io.udm.domain.write.WriteRejection;
import io.udm.domain.write.WriteRequest;
import io.udm.spi.BackendPorts;
import io.udm.spi.CvDraw;
import io.udm.spi.CollectionFencedException;
import io.udm.spi.HeadRecord;
import io.udm.spi.IdGenerator;
import io.udm.spi.ItemKey;
import io.udm.spi.Ticker;
import io.udm.spi.VersionRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The steps every write shares: route, answer a replayed request id, read the committed state the
 * request needs (rolling the head forward), let the domain plan the version, externalize its
 * content, commit, then run the after-commit work.
 */
public final class WritePipeline {
  private static final System.Logger LOG = System.getLogger(WritePipeline.class.getName());
  /**
   * How long a write waits for a moving collection's switch (the source refuses commits from its
   * fence on) before it fails retryably; a quiet collection's fence lasts milliseconds.
   */
  static final Duration FENCE_WAIT = Duration.ofSeconds(3);
  private static final Duration LONGEST_PAUSE = Duration.ofMillis(100);

  private final BackendRouter router;
  private final UdmConfig config;
  private final VersionPlanner planner;
  private final CommitProtocol commits;
  private final ContentPlanning contents;
  private final AfterCommitEffects effects;
  private final Clock clock;
  private final WriteFallback fallback;
  private final Ticker ticker;
  private final HardDeleteMarks hardDeletes = new HardDeleteMarks();
  private final RememberedHeads remembered;
  private final IndexStateTracker indexes;

  public WritePipeline(BackendRouter router, UdmConfig config, VersionPlanner planner, IdGenerator ids, Clock clock,
      Ticker ticker, AfterCommitEffects effects, IndexStateTracker indexes) {
    this(router, config, planner, ids, clock, ticker, effects, WriteFallback.NONE, new RememberedHeads(), indexes);
  }

  /**
   * @param remembered the heads this process's reads and writes saw last, shared with its reads
   * @param indexes told of each write first, so the collection's index state knows what it indexes
   */
  public WritePipeline(BackendRouter router, UdmConfig config, VersionPlanner planner, IdGenerator ids, Clock clock,
      Ticker ticker, AfterCommitEffects effects, WriteFallback fallback, RememberedHeads remembered,
      IndexStateTracker indexes) {
    this.router = router;
    this.indexes = indexes;
    this.config = config;
    this.planner = planner;
    this.remembered = remembered;
    this.commits = new CommitProtocol(ids, clock, ticker, config.limits(), config.storage(), hardDeletes, remembered);
    this.contents = new ContentPlanning(config);
    this.clock = clock;
    this.effects = effects;
    this.fallback = fallback;
    this.ticker = ticker;
  }

  /**
   * Writes {@code request}, or returns the first result of its request id.
   *
   * @throws ValidationException, OptimisticLockException, NotFoundException as the domain decides
   */
  public WriteOutcome write(WriteRequest request) {
    if (!fallback.queues(request)) {
      indexes.beforeWrite(request.key().collection());
      return attempt(request, request.options().requestId());
    }
    WriteRequest identified = fallback.identified(request);
    try {
      indexes.beforeWrite(request.key().collection());
      // A request id generated just now is new: only the caller's own id may have been applied before.
      return attempt(identified, request.options().requestId());
    } catch (StorageException e) {
      if (!e.isTransient()) {
        throw e;
      }
      throw fallback.queueOrFail(identified, e);
    }
  }

  /**
   * One attempt of a queued write, by the retry worker: never queued again, and answered from the
   * log when an earlier attempt committed it.
   */
  public WriteOutcome retry(WriteRequest request) {
    indexes.beforeWrite(request.key().collection());
    return attempt(request, request.options().requestId());
  }

  /**
   * Whether the request's id is known to have been applied: its version is in the log, or retention
   * or a hard delete left a memo of it. A queued retry refused because its item is gone since (hard
   * deleted) is then done, not failed: its write happened, once, before the item went.
   */
  public boolean applied(WriteRequest request) {
    Optional<String> requestId = request.options().requestId();
    if (requestId.isEmpty()) {
      return false;
    }
    RouteContext collection = request.key().collection();
    BackendPorts backend = router.forWrite(collection);
    return backend.versions().findByRequestId(collection, requestId.get()).isPresent()
        || backend.requestMemos().findPrunedRequest(collection, requestId.get(), clock.instant()).isPresent();
  }

  /**
   * An attempt, tried again on the collection's new pair when a move fenced the pair it was routed
   * to: the fenced attempt committed nothing (the counter refuses before the append).
   *
   * @param replayable the request id that may have been applied before (the log is asked for its
   *     first result); empty for a request without one, or with one generated just now
   */
  private WriteOutcome attempt(WriteRequest request, Optional<String> replayable) {
    long waited = ticker.nanoTime();
    long pauseMillis = 5;
    while (true) {
      try {
        return attemptOnce(request, replayable);
      } catch (CollectionFencedException fenced) {
        router.forget(request.key().collection());
        if (ticker.nanoTime() - waited > FENCE_WAIT.toNanos()) {
          throw fenced;
        }
        pause(pauseMillis, fenced);
        pauseMillis = Math.min(pauseMillis * 2, LONGEST_PAUSE.toMillis());
      }
    }
  }

  private static void pause(long millis, CollectionFencedException fenced) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw fenced;
    }
  }

  private WriteOutcome attemptOnce(WriteRequest request, Optional<String> replayable) {
    BackendPorts backend = router.forWrite(request.key().collection());
    if (replayable.isPresent()) {
      Optional<WriteOutcome> first = firstResult(backend, request, replayable.get());
      if (first.isPresent()) {
        return first.get();
      }
    }
    PreparedWrite write = prepare(backend, request, HeadSource.REMEMBERED);
    Optional<CvDraw> drawn = Optional.empty();
    CommitProtocol.Outcome outcome;
    while (true) {
      try {
        outcome = commits.commit(write, drawn);
        break;
      } catch (CommitProtocol.HeadNotCurrent | OptimisticLockException notCurrent) {
        if (write.verified()) {
          throw notCurrent;
        }
        remembered.forget(backend, request.key());
        if (notCurrent instanceof CommitProtocol.HeadNotCurrent stale && stale.unusedDraw().isPresent()) {
          // Another process drew a cv since this one wrote the head it remembered: read the head,
          // and append with the cv already drawn, if the head is older than it; a head written
          // after it needs a newer cv, so that an item's versions stay in cv order as in ov order.
          write = prepare(backend, request, HeadSource.READ);
          drawn = olderHeadOnly(stale.unusedDraw().get(), write.latest());
          continue;
        }
        if (notCurrent instanceof OptimisticLockException lost && request.options().expectedOv().isPresent()) {
          // Stale whatever the head said: the log has a newer version. The head may lag behind it.
          rollForwardQuietly(backend, request.key());
          throw lost;
        }
        // The head lagged (its next ov was taken), pointed at nothing, or a rival won the race: try
        // once more on the item's version log, as a write that read it first would have.
        write = prepare(backend, request, HeadSource.LOG);
        drawn = Optional.empty();
      }
    }
    if (outcome instanceof CommitProtocol.Outcome.Replayed replayed) {
      return replayed(backend, replayed.first(), request);
    }
    VersionRecord committed = ((CommitProtocol.Outcome.Committed) outcome).version();
    if (write.owed().isPresent()) {
      afterCommit(new CommittedWrite(write, committed));
    }
    return WriteOutcome.committed(committed, write.restoredFrom());
  }

  /**
   * Everything the attempt will store, decided before anything is: the item's committed state
   * (rolling a lagging head forward), the domain's plan, its content moved out of the document, and
   * the after-commit work it will owe. Validation fails here, before any write.
   */
  private PreparedWrite prepare(BackendPorts backend, WriteRequest request, HeadSource source) {
    WriteBasis basis = basis(backend, request, source);
    StateRead state = read(basis);
    io.vavr.control.Either<WriteRejection, PlannedVersion> decided = planner
        .plan(request, state.committed(), config.collectionMap(request.key().collection().collection()), now());
    if (decided.isLeft() && !basis.verified()) {
      // A lagging head may be what refused it (an expectedOv it has not caught up with, a restore
      // it missed): only the version log decides a refusal.
      return prepare(backend, request, HeadSource.LOG);
    }
    PlannedVersion plan = contents.externalized(basis, decided.getOrElseThrow(WritePipeline::toException));
    return new PreparedWrite(basis, plan, effects.owedBy(basis, plan), state.restoredFrom());
  }

  /** Where a write's basis comes from, from the cheapest to the surest. */
  private enum HeadSource {
    /** This process's memory of the head when it will do; else the head read alone, when that will. */
    REMEMBERED,
    /** The head read alone, when that will do. */
    READ,
    /** The head checked against the version log. */
    LOG
  }

  /**
   * The item's head, remembered (no request), read alone when that will do (one request), or checked
   * against the version log, a lagging head rolled forward (two). The head alone will do for a
   * change of an existing item, unless the collection has had a hard delete (only that leaves heads
   * pointing at nothing): the commit finds out whether it lagged. A create checks, to tell a hard
   * delete's leftover head from a live item.
   */
  private WriteBasis basis(BackendPorts backend, WriteRequest request, HeadSource source) {
    ItemKey key = request.key();
    if (request.generatedId()) {
      // A fresh generated id is time-ordered and new: it has no versions to read. If it somehow had,
      // the append of ov 1 would be refused by the log's unique (item, ov) index.
      return new WriteBasis(backend, request, Optional.empty(), true, OptionalLong.empty(), OptionalLong.empty());
    }
    boolean headAlone = source != HeadSource.LOG && !(request instanceof WriteRequest.Create)
        && !hardDeletes.known(backend, key.collection());
    if (headAlone && source == HeadSource.REMEMBERED) {
      Optional<WriteBasis> known = rememberedBasis(backend, request);
      if (known.isPresent()) {
        return known.get();
      }
    }
    Optional<HeadRecord> head = backend.heads().find(key);
    if (headAlone && head.isPresent()) {
      return new WriteBasis(backend, request, head, false, OptionalLong.empty(), OptionalLong.empty());
    }
    return new WriteBasis(backend, request, HeadRepair.latestCommitted(backend, key, head).map(HeadRecord::of), true,
        OptionalLong.empty(), OptionalLong.empty());
  }

  /**
   * The item's head as this process last wrote or read it, with no read at all: when it is the one
   * expected, or, with none expected, when this process wrote it (the commit's draw then checks
   * that no one else drew a cv since).
   */
  private Optional<WriteBasis> rememberedBasis(BackendPorts backend, WriteRequest request) {
    OptionalLong expectedOv = request.options().expectedOv();
    return remembered.head(backend, request.key())
        .filter(r -> expectedOv.isPresent() ? r.head().ov() == expectedOv.getAsLong() : r.writtenAtCv().isPresent())
        .map(r -> new WriteBasis(backend, request, Optional.of(r.head()), false, OptionalLong.of(r.rewritesBegun()),
            expectedOv.isPresent() ? OptionalLong.empty() : r.writtenAtCv()));
  }

  /** The draw, if the head (read after it) was written before it; otherwise none: draw again. */
  private static Optional<CvDraw> olderHeadOnly(CvDraw drawn, Optional<HeadRecord> head) {
    return head.isPresent() && head.get().cv() > drawn.cv() ? Optional.empty() : Optional.of(drawn);
  }

  /** After a lost race on a head read alone: the next access would roll the head forward anyway. */
  private static void rollForwardQuietly(BackendPorts backend, ItemKey key) {
    try {
      HeadRepair.latestCommitted(backend, key);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "head of {0} not rolled forward after a lost race ({1})", key,
          e.getClass().getSimpleName());
    }
  }

  /**
   * The first result of the request's id: its version, or the memo retention kept when it pruned
   * that version (so a replay never writes twice while the memo lasts).
   */
  private Optional<WriteOutcome> firstResult(BackendPorts backend, WriteRequest request, String requestId) {
    RouteContext collection = request.key().collection();
    Optional<VersionRecord> first = backend.versions().findByRequestId(collection, requestId);
    if (first.isPresent()) {
      return Optional.of(replayed(backend, first.get(), request));
    }
    return backend.requestMemos().findPrunedRequest(collection, requestId, clock.instant()).map(memo -> {
      requireSameRequest(memo.key(), memo.requestHash(), memo.op(), requestId, request);
      if (HeadRepair.latestCommitted(backend, memo.key()).isEmpty()) {
        throw hardDeleted(memo.key(), requestId);
      }
      return WriteOutcome.replayOf(memo);
    });
  }

  /** The committed state and, for a restore, the version it goes back to. */
  private record StateRead(CommittedState committed, Optional<VersionRecord> restoredFrom) {}

  private StateRead read(WriteBasis basis) {
    BackendPorts backend = basis.backend();
    WriteRequest request = basis.request();
    Optional<HeadRecord> latest = basis.latest();
    Optional<CurrentState> current = latest.map(v -> new CurrentState(v.key().objectId(), v.ov(), v.at(), v.system(),
        v.content().stream().map(ContentRef::path).toList()));
    boolean live = latest.isPresent() && !latest.get().deleted();
    switch (request.reads()) {
      case CURRENT_DATA:
        return new StateRead(new CommittedState(current,
            live ? dataOf(backend, latest.get()) : JsonValues.NODES.objectNode(), Optional.empty()),
            Optional.empty());
      case RESTORE_SOURCE:
        if (latest.isEmpty()) {
          // Nothing to restore; the planner says so.
          return new StateRead(CommittedState.of(current), Optional.empty());
        }
        RestoreTarget from = ((WriteRequest.Restore) request).from();
        VersionRecord target = resolve(backend, request.key(), from)
            .orElseThrow(() -> new NotFoundException(RestoreTargets.missing(backend, request.key(), from)));
        return new StateRead(new CommittedState(current, JsonValues.NODES.objectNode(),
            Optional.of(restoreSource(backend, target))), Optional.of(target));
      default:
        return new StateRead(CommittedState.of(current), Optional.empty());
    }
  }

  /** The state a version holds, as a restore source. */
  private static RestoreSource restoreSource(BackendPorts backend, VersionRecord version) {
    return new RestoreSource(dataOf(backend, version), version.deleted(), version.system().functionIds(),
        version.content());
  }

  /** The data of a version just read; gone since means the item (or that version) was removed under this write. */
  private static ObjectNode dataOf(BackendPorts backend, VersionRecord version) {
    return StoredPayloads.userDataIfKept(backend, version).orElseThrow(() -> removedWhileRead(version.key(), version.ov()));
  }

  /** The data of the version a head just read points to. */
  private static ObjectNode dataOf(BackendPorts backend, HeadRecord head) {
    return StoredPayloads.userDataIfKept(backend, head).orElseThrow(() -> removedWhileRead(head.key(), head.ov()));
  }

  private static NotFoundException removedWhileRead(ItemKey key, long ov) {
    return new NotFoundException("version " + ov + " of item '" + key.objectId() + "' was removed (hard delete or"
        + " retention) while this write read it; nothing was written");
  }

  private static Optional<VersionRecord> resolve(BackendPorts backend, ItemKey key, RestoreTarget to) {
    if (to instanceof RestoreTarget.Version v) {
      return backend.versions().find(key, v.ov());
    }
    return backend.versions().latestAtOrBefore(key, ((RestoreTarget.AtInstant) to).instant());
  }

  private void afterCommit(CommittedWrite committed) {
    try {
      effects.committed(committed);
    } catch (RuntimeException e) {
      // The write is committed and its work stays owed on its version record: a sweeper applies it.
      LOG.log(System.Logger.Level.WARNING, "after-commit work failed for {0} ov {1} ({2}); it stays owed and is"
          + " applied later", committed.after().key(), committed.after().ov(), e.getClass().getSimpleName());
    }
  }

  /** Millisecond precision: what every store (BSON dates included) keeps exactly. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * A replay answers with the first result; if the first attempt crashed before moving the head,
   * the replay moves it (best effort: the answer stands even if that fails, the next access repairs).
   */
  private static WriteOutcome replayed(BackendPorts backend, VersionRecord first, WriteRequest request) {
    requireSameRequest(first.key(), first.requestHash(), first.op(), first.requestId().orElse(""), request);
    Optional<VersionRecord> latest;
    try {
      latest = HeadRepair.latestCommitted(backend, first.key());
    } catch (RuntimeException repairFailed) {
      // The version log holds the write; any later read or write rolls the head forward.
      return WriteOutcome.replayOf(first);
    }
    if (latest.isEmpty()) {
      throw hardDeleted(first.key(), first.requestId().orElse(""));
    }
    return WriteOutcome.replayOf(first);
  }

  private static NotFoundException hardDeleted(ItemKey key, String requestId) {
    return new NotFoundException("item '" + key.objectId() + "' was hard-deleted; the write of requestId '" + requestId
        + "' went with it. Create the item again if it should exist");
  }

  /** A request id seen before returns its first result, unless it now carries a different request. */
  private static void requireSameRequest(ItemKey firstKey, Optional<String> firstHash, Op firstOp, String requestId,
      WriteRequest request) {
    // A create under a generated id gets a new id on every call: its replay is told by collection and body.
    ItemKey key = request.generatedId() ? firstKey : request.key();
    if (!firstKey.equals(key) || !firstHash.equals(Optional.of(request.fingerprint()))) {
      throw new ValidationException("requestId '" + requestId + "' was already used for a different request (item '"
          + firstKey.objectId() + "', " + firstOp + "); use a new requestId for a new request");
    }
  }

  static RuntimeException toException(WriteRejection rejection) {
    if (rejection instanceof WriteRejection.Invalid invalid) {
      return new ValidationException(invalid.problems());
    }
    if (rejection instanceof WriteRejection.Stale stale) {
      return OptimisticLockException.stale(stale.objectId(), stale.expectedOv(), stale.actualOv());
    }
    return new NotFoundException(((WriteRejection.Missing) rejection).detail());
  }
}
