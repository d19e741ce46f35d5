package io.udm.domain.restore;

import io.udm.spi.VersionRecord;
import java.util.List;
import java.util.Optional;

/**
 * What a collection restore does with one item, decided from version records alone (no payload
 * read) where it can be.
 */
public sealed interface ItemRestoreDecision {
  /** Already in the target state: nothing to write. */
  record Unchanged() implements ItemRestoreDecision {}

  /** The target state is known to differ: append a version equal to {@code target}. */
  record RestoreTo(VersionRecord target) implements ItemRestoreDecision {}

  /** Equal or not depends on the data: compare the payloads of the latest and the target version. */
  record CompareWith(VersionRecord target) implements ItemRestoreDecision {}

  /** The item did not exist at the target and is live now: it becomes deleted. */
  record MarkDeleted() implements ItemRestoreDecision {}

  /**
   * The item's state at the target cannot be known: retention pruned the versions that held it.
   * The item is left as it is and reported.
   */
  record Pruned(long oldestKeptOv) implements ItemRestoreDecision {}

  ItemRestoreDecision UNCHANGED = new Unchanged();
  ItemRestoreDecision MARK_DELETED = new MarkDeleted();

  /**
   * Decides from the item's newest committed version, its whole (possibly pruned) history and the
   * version the target selected from it.
   */
  static ItemRestoreDecision decide(VersionRecord latest, List<VersionRecord> history, Optional<VersionRecord> target) {
    if (target.isPresent()) {
      VersionRecord t = target.get();
      if (t.ov() == latest.ov() || (t.deleted() && latest.deleted())) {
        return UNCHANGED;
      }
      if (t.deleted() != latest.deleted()) {
        return new RestoreTo(t);
      }
      return new CompareWith(t);
    }
    long oldest = history.stream().mapToLong(VersionRecord::ov).min().orElse(latest.ov());
    if (oldest > 1) {
      return new Pruned(oldest);
    }
    return latest.deleted() ? UNCHANGED : MARK_DELETED;
  }
}
