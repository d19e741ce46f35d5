package io.udm.app.write;

import io.udm.api.error.TxnException;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.HeadRecord;
import io.udm.spi.HeadWrite;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.List;
import java.util.Optional;

/**
 * Roll-forward: the version log is the truth and the head a materialized pointer. A writer that
 * crashed between appending its version and moving the head leaves the head behind; whoever reads
 * or writes the item next moves it forward, so an acknowledged write is never lost.
 */
public final class HeadRepair {
  private static final System.Logger LOG = System.getLogger(HeadRepair.class.getName());
  private static final int MAX_ROUNDS = 16;

  private HeadRepair() {}

  /**
   * The item's newest committed version, with its head moved up to it if it lagged. The common case
   * costs two primary-key reads: the head, then the records at its ov and the next. Only a head
   * that lags (the next record exists), is missing, or points at nothing asks the log for its
   * newest record, a query by item that costs more on every store.
   */
  public static Optional<VersionRecord> latestCommitted(BackendPorts backend, ItemKey key) {
    return latestCommitted(backend, key, backend.heads().find(key));
  }

  /** {@link #latestCommitted(BackendPorts, ItemKey)} from the item's head, read a moment ago. */
  public static Optional<VersionRecord> latestCommitted(BackendPorts backend, ItemKey key, Optional<HeadRecord> head) {
    Optional<VersionRecord> current = head.flatMap(h -> recordIfCurrent(backend, h));
    if (current.isPresent()) {
      return current;
    }
    // No head: a crash may have left ov 1 without one, or a hard delete is removing the item. No
    // record at the head: an interrupted hard delete.
    Optional<VersionRecord> latest = backend.versions().latest(key);
    if (latest.isPresent() && head.isEmpty() && isHardDeleteLeftover(backend, key, latest.get())) {
      removeLeftover(backend, key);
      return Optional.empty();
    }
    if (latest.isPresent()) {
      rollForward(backend, key, head, latest.get());
    } else if (head.isPresent()) {
      dropHeadWithoutVersions(backend, key, head.get());
    }
    return latest;
  }

  /**
   * The record {@code head} points at, when the head is current: that record is there and no newer
   * one is. One primary-key read of the records at its ov and the next.
   */
  static Optional<VersionRecord> recordIfCurrent(BackendPorts backend, HeadRecord head) {
    long ov = head.ov();
    List<VersionRecord> atHead = backend.versions().findAll(head.key(), List.of(ov, ov + 1));
    return atHead.size() == 1 && atHead.get(0).ov() == ov ? Optional.of(atHead.get(0)) : Optional.empty();
  }

  /**
   * A head whose item has no versions at all points at nothing: a hard delete raced a reader or a
   * writer that moved it back in. It would block creating the id again, so it goes (only if it is
   * still that same head: a create may be putting in a new one).
   */
  private static void dropHeadWithoutVersions(BackendPorts backend, ItemKey key, HeadRecord stale) {
    Optional<HeadRecord> now = backend.heads().find(key);
    if (now.isPresent() && now.get().ov() == stale.ov() && now.get().payloadKey().equals(stale.payloadKey())
        && backend.versions().latest(key).isEmpty()) {
      backend.heads().delete(key);
    }
  }

  /**
   * Moves the head to at least {@code target}; a concurrent mover winning is as good as winning. A
   * missing head is put back only for ov 1 (a create that died before inserting it): above ov 1 a
   * missing head means a hard delete took it, and putting it back would bring the item back.
   */
  public static void rollForward(BackendPorts backend, ItemKey key, Optional<HeadRecord> head, VersionRecord target) {
    Optional<HeadRecord> current = head;
    VersionRecord newest = target;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (current.isPresent() && current.get().ov() >= newest.ov() && !pointsAtNothing(backend, key, current.get(), newest)) {
        return;
      }
      if (current.isEmpty() && newest.ov() > 1) {
        return;
      }
      // Without a shadow: the lagging head's shadow shows an older version than the new head.
      HeadRecord next = HeadRecord.of(newest);
      HeadWrite outcome = current.isEmpty()
          ? backend.heads().insert(next)
          : backend.heads().compareAndSet(current.get().ov(), next);
      if (outcome.applied()) {
        return;
      }
      current = backend.heads().find(key);
      newest = backend.versions().latest(key).orElse(newest);
    }
    throw new TxnException(
        "the head of " + key + " kept moving under heavy contention (" + MAX_ROUNDS + " rounds); retry the operation");
  }

  /** A head ahead of the newest version points at a record that is gone (see {@link #dropHeadWithoutVersions}). */
  private static boolean pointsAtNothing(BackendPorts backend, ItemKey key, HeadRecord head, VersionRecord newest) {
    return head.ov() > newest.ov() && backend.versions().find(key, head.ov()).isEmpty();
  }

  /**
   * No head above ov 1: a hard delete removed it (it takes the head first) and is removing, or
   * removed, the rest; or a writer appended into the emptied log and died before it could take its
   * version back (see CommitProtocol). Nothing else makes this state: a create inserts the head at
   * ov 1, every later version moves it, and retention prunes only below it. So the item is gone, and
   * what is left of it goes too.
   */
  private static boolean isHardDeleteLeftover(BackendPorts backend, ItemKey key, VersionRecord newest) {
    return newest.ov() > 1;
  }

  /** Finishes the hard delete: the lone versions go with their payloads, as the hard delete would have taken them. */
  private static void removeLeftover(BackendPorts backend, ItemKey key) {
    List<VersionRecord> leftover = backend.versions().history(key);
    backend.versions().delete(key, leftover.stream().map(VersionRecord::ov).toList());
    List<String> objects = leftover.stream().filter(v -> !v.payloadInline()).map(VersionRecord::payloadKey).toList();
    if (!objects.isEmpty()) {
      backend.blobs().deleteAll(BlobArea.JSON, objects);
    }
    LOG.log(System.Logger.Level.INFO, "removed {0} version(s) of {1} that a writer left behind a hard delete",
        leftover.size(), key);
  }
}
