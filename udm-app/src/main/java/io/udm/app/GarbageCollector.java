package io.udm.app;

import io.udm.api.ContentRef;
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
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * be collected can never become referenced afterwards. The same holds for content blobs: a write
 * either uploads its content (refreshing its time) or reuses content that a version it builds on
 * references, which is then not garbage; so content no version references, older than the grace,
 * is an orphan of a failed attempt.
 */
final class GarbageCollector {
  private static final System.Logger LOG = System.getLogger(GarbageCollector.class.getName());

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
    CollectionPayloads.forEachItem(backend.blobs(), ctx, (objectId, payloads) ->
        removed.addAndGet(removeOrphans(backend, BlobArea.JSON, ItemKey.of(ctx, objectId), payloads, cutoff)));
    CollectionPayloads.forEachItem(backend.blobs(), BlobArea.CONTENT, ctx, (objectId, blobs) ->
        removed.addAndGet(removeOrphans(backend, BlobArea.CONTENT, ItemKey.of(ctx, objectId), blobs, cutoff)));
    return new GcResult(0, removed.get());
  }

  private static long removeOrphans(BackendPorts backend, BlobArea area, ItemKey key, List<BlobInfo> blobs, Instant cutoff) {
    List<String> oldEnough = blobs.stream()
        .filter(p -> !p.lastModified().isAfter(cutoff))
        .map(BlobInfo::key)
        .toList();
    if (oldEnough.isEmpty()) {
      return 0;
    }
    Set<String> referenced = referenced(backend, area, key);
    List<String> orphans = oldEnough.stream().filter(k -> !referenced.contains(k)).toList();
    if (orphans.isEmpty()) {
      return 0;
    }
    return area == BlobArea.JSON ? backend.blobs().deleteAll(area, orphans) : removeContent(backend, key, orphans, cutoff);
  }

  /**
   * Content keys are named by their bytes, so a write may upload an orphan's bytes again and commit
   * a reference to it at any moment. Each orphan is therefore checked again just before it goes (a
   * new upload makes it young), kept in memory while it goes, and put back if a reference appeared
   * meanwhile; a write that commits after that re-read finds it missing and uploads it itself.
   */
  private static long removeContent(BackendPorts backend, ItemKey key, List<String> orphans, Instant cutoff) {
    long removed = 0;
    for (String orphan : orphans) {
      Optional<BlobInfo> now = backend.blobs().head(BlobArea.CONTENT, orphan);
      Optional<byte[]> bytes = now.filter(info -> !info.lastModified().isAfter(cutoff))
          .flatMap(info -> backend.blobs().get(BlobArea.CONTENT, orphan));
      if (bytes.isEmpty()) {
        continue;
      }
      backend.blobs().delete(BlobArea.CONTENT, orphan);
      Optional<ContentRef> nowReferenced = backend.versions().history(key).stream()
          .flatMap(v -> v.content().stream()).filter(ref -> ref.key().equals(orphan)).findFirst();
      if (nowReferenced.isPresent()) {
        backend.blobs().put(BlobArea.CONTENT, orphan, bytes.get(), nowReferenced.get().contentType());
        LOG.log(Level.INFO, "content {0} became referenced while garbage collection removed it; put it back", orphan);
      } else {
        removed++;
      }
    }
    return removed;
  }

  private static Set<String> referenced(BackendPorts backend, BlobArea area, ItemKey key) {
    Set<String> referenced = new HashSet<>();
    List<VersionRecord> history = backend.versions().history(key);
    Optional<HeadRecord> head = backend.heads().find(key);
    if (area == BlobArea.JSON) {
      history.stream().map(VersionRecord::payloadKey).forEach(referenced::add);
      head.map(HeadRecord::payloadKey).ifPresent(referenced::add);
    } else {
      history.stream().flatMap(v -> v.content().stream()).map(ContentRef::key).forEach(referenced::add);
      head.ifPresent(h -> h.content().stream().map(ContentRef::key).forEach(referenced::add));
    }
    return referenced;
  }
}
