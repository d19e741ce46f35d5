package io.udm.app.write;

import io.udm.api.RouteContext;
import io.udm.api.config.LimitsConfig;
import io.udm.api.config.StorageConfig;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.OptimisticLockException;
import io.udm.api.error.StorageException;
import io.udm.api.error.TxnException;
import io.udm.api.error.UdmException;
import io.udm.domain.content.ContentBlob;
import io.udm.domain.keys.StorageKeys;
import io.udm.domain.saga.Saga;
import io.udm.domain.write.PlannedVersion;
import io.udm.domain.write.WriteRequest;
import io.udm.spi.AppendResult;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.CvDraw;
import io.udm.spi.HeadRecord;
import io.udm.spi.IdGenerator;
import io.udm.spi.ItemKey;
import io.udm.spi.PendingEffects;
import io.udm.spi.Ticker;
import io.udm.spi.VersionRecord;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The commit protocol (docs/architecture.md): upload the payload under a key unique to this attempt,
 * append the version record (the unique (item, ov) index is the lock), then move the head. Once
 * the version record is in, the write is committed: a failure to move the head is repaired by the
 * next reader or writer and never undoes the write.
 *
 * <p>Faults and their outcome:
 *
 * <ul>
 *   <li>A lost race (the ov is taken by another writer's record) is an {@link
 *       OptimisticLockException}; this attempt's payload is deleted (compensation).
 *   <li>An append whose reply is lost (the store may or may not have applied it) is reconciled by
 *       reading the record back: this attempt's write id there means committed; another writer's
 *       record means a lost race; nothing there means the append is tried once more. Only when even
 *       that cannot tell does the write fail with a transient {@link StorageException}, and then the
 *       payload is kept (a version record might still reference it; garbage collection removes it
 *       once it is old enough and unreferenced). A retry with the same request id applies it at most
 *       once.
 *   <li>An append is refused when its upload is older than half of {@code
 *       limits.gcMinGraceSeconds}, so garbage collection (which never takes a younger grace) cannot
 *       have removed the payload the record would point to.
 *   <li>An append whose cv was burned while it travelled (a feed reader or a mover gave up on the
 *       cv) fails in the store, having written nothing; the write draws a fresh cv and appends
 *       again ({@link #MAX_CV_DRAWS} at most). A fenced counter refuses the draw, and the pipeline
 *       retries the whole write on the collection's new pair.
 *   <li>A crash ({@link Error}) anywhere compensates nothing: repair and garbage collection recover.
 * </ul>
 */
final class CommitProtocol {
  private static final System.Logger LOG = System.getLogger(CommitProtocol.class.getName());
  /** Fresh cvs one attempt draws when the ones before were burned under it. */
  static final int MAX_CV_DRAWS = 5;

  private final IdGenerator ids;
  private final Clock clock;
  private final Duration uploadToCommitLimit;
  private final int inlineMaxBytes;
  private final HardDeleteMarks hardDeletes;
  private final RememberedHeads remembered;
  private final OwnDraws ownDraws;

  CommitProtocol(IdGenerator ids, Clock clock, Ticker ticker, LimitsConfig limits, StorageConfig storage,
      HardDeleteMarks hardDeletes, RememberedHeads remembered) {
    this.ids = ids;
    // A write id is unique across processes: it names this process on the cv counters.
    this.ownDraws = new OwnDraws("process-" + ids.newWriteId(), ticker, OwnDraws.LONGEST_WAIT);
    this.clock = clock;
    this.uploadToCommitLimit = Duration.ofSeconds(limits.gcMinGraceSeconds()).dividedBy(2);
    this.inlineMaxBytes = storage.inlineMaxBytes();
    this.hardDeletes = hardDeletes;
    this.remembered = remembered;
  }

  /**
   * The head a write built on without the version log cannot be trusted: read alone, it points at
   * nothing (a hard delete's leftover), or remembered, a rewrite began since. The attempt appended
   * nothing, and is tried again on a head checked against the version log. Or, remembered from this
   * process's own write, another process drew a cv since: the attempt is tried again on the head,
   * read, with the cv it drew ({@link #unusedDraw}).
   */
  static final class HeadNotCurrent extends RuntimeException {
    private final transient Optional<CvDraw> unusedDraw;

    HeadNotCurrent(ItemKey key) {
      this(key, Optional.empty());
    }

    HeadNotCurrent(ItemKey key, Optional<CvDraw> unusedDraw) {
      super("the head of " + key + " was not current; the write builds on " + (unusedDraw.isPresent() ? "its head, read,"
          : "its version log") + " instead", null, false, false);
      this.unusedDraw = unusedDraw;
    }

    /** The cv drawn for the attempt, for the next attempt to append with: it reads the head, not the log. */
    Optional<CvDraw> unusedDraw() {
      return unusedDraw;
    }
  }

  /** What a commit attempt ended with. */
  sealed interface Outcome {
    /** This attempt's version is committed. */
    record Committed(VersionRecord version) implements Outcome {}

    /** The request id was applied before; the first result stands. */
    record Replayed(VersionRecord first) implements Outcome {}
  }

  Outcome commit(PreparedWrite write) {
    return commit(write, Optional.empty());
  }

  /** @param drawn a cv an earlier attempt of this write drew and did not use, to append with first */
  Outcome commit(PreparedWrite write, Optional<CvDraw> drawn) {
    ItemKey key = write.key();
    PlannedVersion plan = write.plan();
    BackendPorts backend = write.backend();
    String writeId = ids.newWriteId();
    byte[] payload = plan.storedBytes();
    String payloadKey = StorageKeys.payload(key, plan.ov(), writeId);
    if (payload.length <= inlineMaxBytes) {
      return commitInline(write, writeId, payloadKey, payload, drawn);
    }
    Instant uploadStarted = clock.instant();
    Appended appended = Saga.named("commit " + key + " ov " + plan.ov())
        // Content-addressed and possibly shared with committed versions: never compensated; garbage
        // collection removes blobs no version came to reference.
        .step("upload content", () -> uploadContent(backend, plan))
        .step("upload payload",
            () -> backend.blobs().put(BlobArea.JSON, payloadKey, payload, "application/json"),
            failure -> {
              // A version record might reference the payload when the append's outcome is unknown:
              // it stays, and garbage collection removes it once it is old and unreferenced.
              if (!(failure instanceof CommitOutcomeUnknown)) {
                backend.blobs().delete(BlobArea.JSON, payloadKey);
              }
            })
        .finish("append version", () -> {
          requireInTime(key, plan.ov(), uploadStarted);
          return appendWithFreshCv(write, writeId, payloadKey, payload.length, Optional.empty(), drawn);
        });

    if (appended.result() instanceof AppendResult.RequestReplayed) {
      // Our payload is not referenced by anything: remove it now rather than leave it to GC.
      backend.blobs().delete(BlobArea.JSON, payloadKey);
    }
    return settle(write, appended);
  }

  /**
   * A payload small enough to live in its version record: no object is uploaded, so nothing needs
   * compensating and garbage collection has nothing to race; content blobs still go first, as the
   * record that names them must never be visible before them.
   */
  private Outcome commitInline(PreparedWrite write, String writeId, String payloadKey, byte[] payload,
      Optional<CvDraw> drawn) {
    ItemKey key = write.key();
    PlannedVersion plan = write.plan();
    BackendPorts backend = write.backend();
    Instant uploadStarted = clock.instant();
    uploadContent(backend, plan);
    if (!plan.uploads().isEmpty()) {
      requireInTime(key, plan.ov(), uploadStarted);
    }
    return settle(write, appendWithFreshCv(write, writeId, payloadKey, payload.length,
        Optional.of(new String(payload, StandardCharsets.UTF_8)), drawn));
  }

  /** Content-addressed blobs go before the record that names them, whichever kind its payload is. */
  private static void uploadContent(BackendPorts backend, PlannedVersion plan) {
    plan.uploads().forEach(blob -> backend.blobs().put(BlobArea.CONTENT, blob.key(), blob.bytes(), blob.contentType()));
  }

  /** The request's first version when it was applied before; otherwise the head moved to the appended version. */
  private Outcome settle(PreparedWrite write, Appended appended) {
    if (appended.result() instanceof AppendResult.RequestReplayed replayed) {
      return new Outcome.Replayed(replayed.existing());
    }
    advanceHead(write.backend(), write.key(), write.latest(), appended.version());
    remembered.wrote(write.backend(), appended.version(), appended.draw());
    keepContent(write.backend(), write.key(), write.plan());
    return new Outcome.Committed(appended.version());
  }

  /**
   * Draws a cv and appends the version with it. A cv a feed reader or a mover gave up on while this
   * write was slow is burned in the log, and the append with it fails in the store (it never
   * commits behind their back): the write then draws again. The cv is drawn last, just before the
   * append, so a reader seldom has to wait for it.
   */
  private Appended appendWithFreshCv(PreparedWrite write, String writeId, String payloadKey, long payloadBytes,
      Optional<String> inlinePayload, Optional<CvDraw> drawn) {
    BackendPorts backend = write.backend();
    for (int draw = 1; ; draw++) {
      CvDraw cv = draw == 1 && drawn.isPresent() ? drawn.get() : drawAndCheck(write);
      OptionalLong rememberedUnder = write.basis().rememberedUnder();
      if (rememberedUnder.isPresent() && cv.rewritesBegun() != rememberedUnder.getAsLong()) {
        // A rewrite began since the head was remembered: it may have freed the next ov or replaced the item.
        throw new HeadNotCurrent(write.key());
      }
      if (cv.hardDeletesMarked()) {
        hardDeletes.note(backend, write.key().collection());
        if (!write.verified()) {
          // The cv goes unused: a gap, as a failed attempt leaves.
          requireHeadCurrent(write);
        }
      }
      VersionRecord version = versionRecord(write, writeId, payloadKey, payloadBytes, inlinePayload, cv.cv());
      AppendResult result = new VersionAppend(backend, version, write.owed()).append();
      if (!(result instanceof AppendResult.CvBurned)) {
        return new Appended(version, result, cv);
      }
      if (draw == MAX_CV_DRAWS) {
        throw new TxnException("the write of " + write.key() + " ov " + version.ov() + " drew " + MAX_CV_DRAWS
            + " cvs and each was given up on before the write reached the store (a very slow link to MongoDB?);"
            + " nothing was committed. Retry the write");
      }
      LOG.log(Level.INFO, "cv {0} of {1} was given up on before the write of ov {2} reached the store; drawing"
          + " another", version.cv(), write.key(), version.ov());
    }
  }

  /**
   * A fresh cv for the write. Built on this process's own last write of the item, it must also show
   * that no one else drew since: otherwise {@link HeadNotCurrent} with the cv, for an attempt on the
   * head read now.
   */
  private CvDraw drawAndCheck(PreparedWrite write) {
    BackendPorts backend = write.backend();
    RouteContext collection = write.key().collection();
    OptionalLong ownWriteCv = write.basis().ownWriteCv();
    OwnDraws.OwnDraw mine = ownDraws.draw(backend, collection, ownWriteCv);
    remembered.drawn(backend, collection, mine.draw());
    if (ownWriteCv.isPresent() && !mine.onlyOwnSince()) {
      throw new HeadNotCurrent(write.key(), Optional.of(mine.draw()));
    }
    return mine.draw();
  }

  /**
   * In a collection with hard deletes, a head read alone must be checked: its record is there (same
   * version) and no newer one is. Otherwise {@link HeadNotCurrent}.
   */
  private static void requireHeadCurrent(PreparedWrite write) {
    Optional<HeadRecord> head = write.latest();
    if (head.isEmpty()) {
      return;
    }
    // The same version, not another item's at the same ov (one created again after the hard delete).
    boolean current = HeadRepair.recordIfCurrent(write.backend(), head.get())
        .filter(record -> record.payloadKey().equals(head.get().payloadKey())).isPresent();
    if (!current) {
      throw new HeadNotCurrent(write.key());
    }
  }

  /** The version record this attempt appends, with the cv it drew. */
  private VersionRecord versionRecord(PreparedWrite write, String writeId, String payloadKey, long payloadBytes,
      Optional<String> inlinePayload, long cv) {
    PlannedVersion plan = write.plan();
    WriteRequest request = write.request();
    return new VersionRecord(write.key(), plan.ov(), cv, plan.at(), plan.op(), request.options().actor(),
        request.options().reason(), request.functionId(), request.options().requestId(), write.fingerprint(), writeId,
        payloadKey, payloadBytes, plan.meta(), plan.system(), plan.content(),
        clock.instant().truncatedTo(ChronoUnit.MILLIS), inlinePayload);
  }

  /** The appended record and what the log answered: appended, or the request id's first version. */
  private record Appended(VersionRecord version, AppendResult result, CvDraw draw) {}

  private void requireInTime(ItemKey key, long ov, Instant uploadStarted) {
    Duration took = Duration.between(uploadStarted, clock.instant());
    if (took.compareTo(uploadToCommitLimit) > 0) {
      throw new TxnException("the write of " + key + " ov " + ov + " took " + took.toSeconds()
          + "s from upload to commit, more than half of limits.gcMinGraceSeconds; garbage collection may have"
          + " removed its payload, so nothing was committed. Retry the write");
    }
  }

  /** The append could not be confirmed or refused: a version record might reference the payload. */
  static final class CommitOutcomeUnknown extends StorageException {
    CommitOutcomeUnknown(String message, Throwable cause) {
      super(message, true, cause);
    }
  }

  /** One attempt's append of its version record, with the reconciliation of ambiguous outcomes. */
  private record VersionAppend(BackendPorts backend, VersionRecord version, Optional<PendingEffects> owed) {
    ItemKey key() {
      return version.key();
    }

    /** Appends, reconciling a lost reply; throws when the outcome cannot be told. */
    AppendResult append() {
      AppendResult first;
      try {
        first = backend.versions().append(version, owed);
      } catch (RuntimeException failed) {
        first = isPermanent(failed) ? confirmRefused((UdmException) failed) : reconcile(failed);
      }
      return settle(first);
    }

    /**
     * A refusal that says it is final (bad input, or a store error no retry can fix) is passed on
     * as it is, not dressed up as "outcome unknown, retry". Only a refusal the store sent back can
     * be confirmed absent cheaply: the record is read back once, and if it is there after all the
     * append counts.
     */
    private AppendResult confirmRefused(UdmException refused) {
      if (!(refused instanceof StorageException)) {
        // Raised before anything was sent (the adapter could not encode the record).
        throw refused;
      }
      Optional<VersionRecord> atOv;
      try {
        atOv = backend.versions().find(key(), version.ov());
      } catch (RuntimeException unreadable) {
        refused.addSuppressed(unreadable);
        throw unknown(refused);
      }
      if (atOv.isPresent() && ours(atOv.get())) {
        return AppendResult.APPENDED;
      }
      throw refused;
    }

    private static boolean isPermanent(RuntimeException failure) {
      return failure instanceof UdmException udm
          && !(udm instanceof StorageException storage && storage.isTransient())
          && !(udm instanceof TxnException);
    }

    /** The append failed or its reply was lost: find out whether our record is in. */
    private AppendResult reconcile(RuntimeException lost) {
      try {
        Optional<VersionRecord> atOv = backend.versions().find(key(), version.ov());
        if (atOv.isPresent()) {
          return ours(atOv.get()) ? AppendResult.APPENDED : replayedOr(AppendResult.OV_TAKEN);
        }
        return backend.versions().append(version, owed);
      } catch (RuntimeException stillUnknown) {
        lost.addSuppressed(stillUnknown);
        throw unknown(lost);
      }
    }

    /** Tells this attempt's own record (a retried append that was applied the first time) from a rival's. */
    private AppendResult settle(AppendResult appended) {
      if (appended instanceof AppendResult.RequestReplayed replayed && ours(replayed.existing())) {
        return AppendResult.APPENDED;
      }
      if (appended instanceof AppendResult.OvTaken) {
        Optional<VersionRecord> atOv;
        try {
          atOv = backend.versions().find(key(), version.ov());
        } catch (RuntimeException unreadable) {
          throw unknown(unreadable);
        }
        if (atOv.isPresent() && ours(atOv.get())) {
          return AppendResult.APPENDED;
        }
        long actual = atOv.map(VersionRecord::ov).orElse(version.ov());
        try {
          actual = backend.versions().latest(key()).map(VersionRecord::ov).orElse(actual);
        } catch (RuntimeException unreadable) {
          // The rival's ov is a fine answer too.
        }
        throw OptimisticLockException.stale(key().objectId(), version.ov() - 1, actual);
      }
      return appended;
    }

    private AppendResult replayedOr(AppendResult otherwise) {
      if (version.requestId().isPresent()) {
        Optional<VersionRecord> first = backend.versions().findByRequestId(key().collection(), version.requestId().get());
        if (first.isPresent()) {
          return ours(first.get()) ? AppendResult.APPENDED : new AppendResult.RequestReplayed(first.get());
        }
      }
      return otherwise;
    }

    private boolean ours(VersionRecord record) {
      return record.key().equals(key()) && record.writeId().equals(version.writeId());
    }

    private CommitOutcomeUnknown unknown(RuntimeException cause) {
      return new CommitOutcomeUnknown("could not tell whether version " + version.ov() + " of " + key()
          + " was committed (" + cause.getClass().getSimpleName() + "); retry the write with the same requestId:"
          + " it is applied at most once", cause);
    }
  }

  /**
   * Content keys are shared, so garbage collection may have deleted a blob this write uploaded
   * again just before it committed (GC saw it unreferenced and old). Checking after the commit
   * closes that window: GC re-reads references after each delete and puts back what became
   * referenced; what it deleted after that re-read is missing here and uploaded again.
   */
  private static void keepContent(BackendPorts backend, ItemKey key, PlannedVersion plan) {
    for (ContentBlob blob : plan.uploads()) {
      try {
        if (backend.blobs().head(BlobArea.CONTENT, blob.key()).isEmpty()) {
          backend.blobs().put(BlobArea.CONTENT, blob.key(), blob.bytes(), blob.contentType());
          LOG.log(Level.WARNING, "content {0} of {1} was removed while the write committed; uploaded it again",
              blob.key(), key);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not check content {0} of {1} after its commit ({2}); maintenance().verify"
            + " reports it if it is missing", blob.key(), key, e.getClass().getSimpleName());
      }
    }
  }

  /**
   * Moves the head to the committed version. A head that is gone above ov 1 means the item is being
   * (or was) hard-deleted while the write committed: the write then takes itself back out ({@link
   * #withdrawAfterHardDelete}) and fails, so a hard delete always wins whole and never leaves a
   * head, a version or a payload behind.
   */
  private static void advanceHead(BackendPorts backend, ItemKey key, Optional<HeadRecord> base, VersionRecord version) {
    HeadRecord next = HeadRecord.of(version);
    try {
      boolean moved = base.isEmpty()
          ? backend.heads().insert(next).applied()
          : backend.heads().compareAndSet(base.get().ov(), next).applied();
      if (moved) {
        return;
      }
    } catch (RuntimeException unknown) {
      // The move may or may not have been applied: find out below, as for a refused move.
    }
    try {
      Optional<HeadRecord> head = backend.heads().find(key);
      if (head.isEmpty() && base.isPresent()) {
        // Above ov 1 only a hard delete takes the head away: it wins, and this write goes.
        throw withdrawAfterHardDelete(backend, key, version);
      }
      HeadRepair.rollForward(backend, key, head, version);
      if (head.isEmpty() && backend.versions().find(key, version.ov()).isEmpty()) {
        // Hard-deleted between the checks above and moving the head in: take the head out again.
        throw withdrawAfterHardDelete(backend, key, version);
      }
    } catch (NotFoundException hardDeleted) {
      throw hardDeleted;
    } catch (RuntimeException e) {
      // Committed already: the version log holds it and the next read or write rolls the head forward.
      LOG.log(Level.WARNING, "head of {0} not moved to ov {1} ({2}); it will be rolled forward on next access",
          key, version.ov(), e.getClass().getSimpleName());
    }
  }

  /**
   * Removes what this write left of an item a hard delete removed under it: its version record (if
   * the hard delete did not already), a head a reader rolled forward to it, and its payload.
   */
  private static NotFoundException withdrawAfterHardDelete(BackendPorts backend, ItemKey key, VersionRecord version) {
    backend.versions().find(key, version.ov())
        .filter(record -> record.writeId().equals(version.writeId()))
        .ifPresent(record -> backend.versions().delete(key, List.of(version.ov())));
    backend.heads().find(key)
        .filter(head -> head.ov() == version.ov() && head.payloadKey().equals(version.payloadKey()))
        .ifPresent(head -> backend.heads().delete(key));
    if (!version.payloadInline()) {
      backend.blobs().delete(BlobArea.JSON, version.payloadKey());
    }
    LOG.log(Level.INFO, "{0} was hard-deleted while ov {1} was committing; the write was taken back", key, version.ov());
    return new NotFoundException("item '" + key.objectId() + "' was hard-deleted while this write was committing;"
        + " nothing was written. Create the item again if it should exist");
  }
}
