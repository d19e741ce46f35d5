package io.udm.app;

import io.udm.api.WriteOptions;
import io.udm.api.error.OptimisticLockException;
import io.udm.api.json.JsonValues;
import io.udm.domain.saga.Saga;
import io.udm.domain.write.PlannedVersion;
import io.udm.domain.write.StorageKeys;
import io.udm.spi.AppendResult;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.HeadRecord;
import io.udm.spi.IdGenerator;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/**
 * The commit protocol of ARCHITECTURE.md: upload the payload under a key unique to this attempt,
 * append the version record (the unique (item, ov) index is the lock), then move the head. Once
 * the version record is in, the write is committed: a failure to move the head is repaired by the
 * next reader or writer and never undoes the write.
 */
final class CommitProtocol {
  private static final System.Logger LOG = System.getLogger(CommitProtocol.class.getName());

  private final IdGenerator ids;

  CommitProtocol(IdGenerator ids) {
    this.ids = ids;
  }

  /** What a commit attempt ended with. */
  sealed interface Outcome {
    /** This attempt's version is committed. */
    record Committed(VersionRecord version) implements Outcome {}

    /** The request id was applied before; the first result stands. */
    record Replayed(VersionRecord first) implements Outcome {}
  }

  Outcome commit(
      BackendPorts backend, ItemKey key, Optional<VersionRecord> base, PlannedVersion plan,
      WriteOptions opts, Optional<String> functionId, Optional<String> requestHash) {
    String writeId = ids.newWriteId();
    long cv = backend.sequences().next(key.collection());
    byte[] payload = JsonValues.toBytes(plan.storedDocument());
    String payloadKey = StorageKeys.payload(key, plan.ov(), writeId);
    VersionRecord version = new VersionRecord(
        key, plan.ov(), cv, plan.at(), plan.op(), opts.actor(), opts.reason(), functionId,
        opts.requestId(), requestHash, writeId, payloadKey, payload.length, plan.meta(), plan.system(), List.of());

    AppendResult[] appended = new AppendResult[1];
    Saga.named("commit " + key + " ov " + plan.ov())
        .step("upload payload",
            () -> backend.blobs().put(BlobArea.JSON, payloadKey, payload, "application/json"),
            () -> backend.blobs().delete(BlobArea.JSON, payloadKey))
        .step("append version", () -> appended[0] = appendOrFail(backend, key, version))
        .run();

    if (appended[0] instanceof AppendResult.RequestReplayed replayed) {
      return new Outcome.Replayed(replayed.existing());
    }
    advanceHead(backend, key, base, version);
    return new Outcome.Committed(version);
  }

  /** Appends, turning a lost race into {@link OptimisticLockException} so the saga compensates. */
  private static AppendResult appendOrFail(BackendPorts backend, ItemKey key, VersionRecord version) {
    AppendResult result = backend.versions().append(version);
    if (result instanceof AppendResult.OvTaken) {
      long actual = backend.versions().latest(key).map(VersionRecord::ov).orElse(0L);
      throw OptimisticLockException.stale(key.objectId(), version.ov() - 1, actual);
    }
    if (result instanceof AppendResult.RequestReplayed) {
      // Our payload is not referenced by anything: remove it now rather than leave it to GC.
      backend.blobs().delete(BlobArea.JSON, version.payloadKey());
    }
    return result;
  }

  private static void advanceHead(BackendPorts backend, ItemKey key, Optional<VersionRecord> base, VersionRecord version) {
    try {
      HeadRecord next = HeadRecord.of(version);
      boolean moved = base.isEmpty()
          ? backend.heads().insert(next).applied()
          : backend.heads().compareAndSet(base.get().ov(), next.withShadow(Optional.empty())).applied();
      if (!moved) {
        HeadRepair.rollForward(backend, key, backend.heads().find(key), version);
      }
    } catch (RuntimeException e) {
      // Committed already: the version log holds it and the next read or write rolls the head forward.
      LOG.log(Level.WARNING, "head of {0} not moved to ov {1} ({2}); it will be rolled forward on next access",
          key, version.ov(), e.getClass().getSimpleName());
    }
  }
}
