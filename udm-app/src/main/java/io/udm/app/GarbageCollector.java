package io.udm.app;

import io.udm.api.GcResult;
import io.udm.api.RouteContext;
import io.udm.api.config.LimitsConfig;
import io.udm.api.error.ValidationException;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobInfo;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Removes what failed write attempts left behind: version payloads that no version record (and no
 * head) references, older than the grace period.
 *
 * <p>A version record is appended only after its payload is uploaded, and an appended record is
 * committed (the log is the truth), so no attempt ever leaves a version record that is not part of
 * the item's history: {@link GcResult#orphanVersions()} is always 0 with this protocol. Records
 * whose payload is missing are damage, not garbage; {@code verify} reports them.
 *
 * <p>Safety: the grace cannot be below {@code limits.gcMinGraceSeconds}, and the commit protocol
 * refuses to append a record whose upload is older than half of that, so a payload old enough to
 * be collected can never become referenced afterwards. Content blobs (shared, content-addressed)
 * are left to hard delete and retention.
 */
final class GarbageCollector {
  private final BackendRouter router;
  private final Clock clock;
  private final Duration floor;

  GarbageCollector(BackendRouter router, Clock clock, LimitsConfig limits) {
    this.router = router;
    this.clock = clock;
    this.floor = Duration.ofSeconds(limits.gcMinGraceSeconds());
  }

  GcResult collect(RouteContext ctx, Duration olderThan) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(olderThan, "olderThan");
    if (olderThan.compareTo(floor) < 0) {
      throw new ValidationException("collectGarbage: olderThan " + olderThan + " is below limits.gcMinGraceSeconds ("
          + floor.toSeconds() + "s); a younger payload may belong to a write still in flight. Pass at least "
          + floor + ", or lower limits.gcMinGraceSeconds in the config");
    }
    BackendPorts backend = router.forRead(ctx);
    Instant cutoff = clock.instant().minus(olderThan);
    AtomicLong removed = new AtomicLong();
    CollectionPayloads.forEachItem(backend.blobs(), ctx, (objectId, payloads) -> {
      List<String> oldEnough = payloads.stream()
          .filter(p -> !p.lastModified().isAfter(cutoff))
          .map(BlobInfo::key)
          .toList();
      if (oldEnough.isEmpty()) {
        return;
      }
      ItemKey key = ItemKey.of(ctx, objectId);
      Set<String> referenced = new HashSet<>();
      backend.versions().history(key).stream().map(VersionRecord::payloadKey).forEach(referenced::add);
      backend.heads().find(key).map(HeadRecord::payloadKey).ifPresent(referenced::add);
      List<String> orphans = oldEnough.stream().filter(k -> !referenced.contains(k)).toList();
      if (!orphans.isEmpty()) {
        removed.addAndGet(backend.blobs().deleteAll(BlobArea.JSON, orphans));
      }
    });
    return new GcResult(0, removed.get());
  }
}
