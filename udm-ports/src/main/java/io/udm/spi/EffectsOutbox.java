package io.udm.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The after-commit work (counter changes, dev shadows) that committed versions still owe, kept on
 * their version records: {@link VersionLog#append(VersionRecord, Optional)} writes it with the
 * version in one insert, so the work is owed from the moment the version exists until it is marked
 * applied here. A sweeper in any process claims what a crashed writer left owed.
 */
public interface EffectsOutbox {
  /**
   * Claims at most {@code limit} versions (any collection of this store) whose owed work is
   * claimed until {@code now} or earlier, extending each claim to {@code until}. A claim is atomic
   * per version: of two sweepers, one gets it.
   */
  List<PendingVersion> claimPendingEffects(Instant now, Instant until, int limit);

  /** The work the version with this write id still owes, if any (none when it is gone). */
  Optional<PendingEffects> pendingEffects(ItemKey key, long ov, String writeId);

  /** The version with this write id owes nothing any more; a no-op when it is gone or owed nothing. */
  void effectsApplied(ItemKey key, long ov, String writeId);

  /**
   * {@link #effectsApplied(ItemKey, long, String)} for each of {@code versions} (by their write
   * ids), in as few round trips as the store allows. On failure some may be marked and some not.
   */
  default void effectsApplied(List<VersionRecord> versions) {
    versions.forEach(v -> effectsApplied(v.key(), v.ov(), v.writeId()));
  }
}
