package io.udm.app.maintenance;

import io.udm.api.ContentRef;
import io.udm.api.GcResult;
import io.udm.api.RouteContext;
import io.udm.api.config.LimitsConfig;
import io.udm.api.error.ValidationException;
import io.udm.app.routing.BackendRouter;
import io.udm.app.stored.CollectionPayloads;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * be collected can never become referenced afterwards. Content blobs are named by their bytes and
 * may be uploaded again by any write, so they get a stronger check: see {@link #removeContent}.
 */
public final class GarbageCollector {
  private static final System.Logger LOG = System.getLogger(GarbageCollector.class.getName());

  private final BackendRouter router;
  private final Clock clock;
  private final Duration floor;

  public GarbageCollector(BackendRouter router, Clock clock, LimitsConfig limits) {
    this.router = router;
    this.clock = clock;
    this.floor = Duration.ofSeconds(limits.gcMinGraceSeconds());
  }

  public GcResult collect(RouteContext ctx, Duration olderThan) {
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
      Optional<ContentRef> nowReferenced = Optional.ofNullable(contentReferences(backend, key).get(orphan));
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
    if (area != BlobArea.JSON) {
      return contentReferences(backend, key).keySet();
    }
    Set<String> referenced = new HashSet<>();
    backend.versions().history(key).stream().map(VersionRecord::payloadKey).forEach(referenced::add);
    backend.heads().find(key).map(HeadRecord::payloadKey).ifPresent(referenced::add);
    return referenced;
  }

  /** The content references of the item's versions and head, by key. */
  private static Map<String, ContentRef> contentReferences(BackendPorts backend, ItemKey key) {
    Map<String, ContentRef> refs = new HashMap<>();
    backend.versions().history(key).forEach(v -> v.content().forEach(ref -> refs.putIfAbsent(ref.key(), ref)));
    backend.heads().find(key).ifPresent(h -> h.content().forEach(ref -> refs.putIfAbsent(ref.key(), ref)));
    return refs;
  }
}
