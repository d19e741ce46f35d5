package io.udm.app.write;

import io.udm.spi.ItemKey;
import io.udm.spi.PrunedRequest;
import io.udm.spi.VersionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a write ended with: the version it committed, or for a replayed request id the one that id
 * made first (which retention may have pruned since: its memo answers then).
 *
 * @param restoredFrom for a restore this call committed, the version it went back to
 * @param replayed whether the request id had been applied before, so nothing was written now
 */
public record WriteOutcome(ItemKey key, long ov, long cv, Instant at, List<String> functionIds,
    Optional<VersionRecord> restoredFrom, boolean replayed) {
  public WriteOutcome {
    functionIds = List.copyOf(functionIds);
  }

  static WriteOutcome committed(VersionRecord version, Optional<VersionRecord> restoredFrom) {
    return new WriteOutcome(version.key(), version.ov(), version.cv(), version.at(), version.system().functionIds(),
        restoredFrom, false);
  }

  static WriteOutcome replayOf(VersionRecord first) {
    return new WriteOutcome(first.key(), first.ov(), first.cv(), first.at(), first.system().functionIds(),
        Optional.empty(), true);
  }

  static WriteOutcome replayOf(PrunedRequest first) {
    return new WriteOutcome(first.key(), first.ov(), first.cv(), first.at(), first.functionIds(), Optional.empty(),
        true);
  }
}
