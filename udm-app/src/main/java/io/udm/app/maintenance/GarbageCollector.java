package io.udm.app.maintenance;

import io.udm.api.ContentRef;
import io.udm.api.GcResult;
import io.udm.api.Progress;
import io.udm.api.ProgressListener;
import io.udm.api.RouteContext;
import io.udm.api.config.LimitsConfig;
import io.udm.api.error.ValidationException;
import io.udm.app.routing.BackendRouter;
import io.udm.app.scan.CollectionPayloads;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobInfo;
import io.udm.spi.ItemKey;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

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
 *
 * <p>Memory: the objects are listed a page at a time and taken an item and at most {@link
 * CollectionPayloads#PAGE} objects at a time; the references of such a batch are found in one
 * pass over the item's history, read {@link io.udm.app.scan.ItemHistory#PAGE} records at a time,
 * keeping only the batch's keys. So memory is bounded by a page of each, plus the content bytes
 * of one removal batch, however many items and versions there are.
 */
public final class GarbageCollector {
  private static final System.Logger LOG = System.getLogger(GarbageCollector.class.getName());

  /** The most content orphans deleted before the item's references are read again. */
  public static final int CONTENT_BATCH = 100;
  /** The most bytes of content orphans held at once (one orphan may be larger alone). */
  public static final long CONTENT_BATCH_BYTES = 16L * 1024 * 1024;

  private final BackendRouter router;
  private final Clock clock;
  private final Duration floor;

  public GarbageCollector(BackendRouter router, Clock clock, LimitsConfig limits) {
    this.router = router;
    this.clock = clock;
    this.floor = Duration.ofSeconds(limits.gcMinGraceSeconds());
  }

  public GcResult collect(RouteContext ctx, Duration olderThan) {
    return collect(ctx, olderThan, ProgressListener.NONE);
  }

  /** Sweeps {@code ctx}, telling {@code progress} after each item's payloads and content. */
  public GcResult collect(RouteContext ctx, Duration olderThan, ProgressListener progress) {
    Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(olderThan, "olderThan");
    if (olderThan.compareTo(floor) < 0) {
      throw new ValidationException("collectGarbage: olderThan " + olderThan + " is below limits.gcMinGraceSeconds ("
          + floor.toSeconds() + "s); a younger payload may belong to a write still in flight. Pass at least "
          + floor + ", or lower limits.gcMinGraceSeconds in the config");
    }
    BackendPorts backend = router.forRead(ctx);
    Instant cutoff = clock.instant().minus(olderThan);
    long removed = sweep(backend, ctx, BlobArea.JSON, cutoff, progress, "gc payloads")
        + sweep(backend, ctx, BlobArea.CONTENT, cutoff, progress, "gc content");
    return new GcResult(0, removed);
  }

  private static long sweep(BackendPorts backend, RouteContext ctx, BlobArea area, Instant cutoff,
      ProgressListener progress, String task) {
    AtomicLong removed = new AtomicLong();
    AtomicLong items = new AtomicLong();
    CollectionPayloads.forEachItemBatch(backend.blobs(), area, ctx, (objectId, blobs) -> {
      removed.addAndGet(removeOrphans(backend, area, ItemKey.of(ctx, objectId), blobs, cutoff));
      progress.onProgress(Progress.items(task, items.incrementAndGet()));
    });
    return removed.get();
  }

  private static long removeOrphans(BackendPorts backend, BlobArea area, ItemKey key, List<BlobInfo> blobs, Instant cutoff) {
    Set<String> oldEnough = blobs.stream()
        .filter(p -> !p.lastModified().isAfter(cutoff))
        .map(BlobInfo::key)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    if (oldEnough.isEmpty()) {
      return 0;
    }
    if (area == BlobArea.JSON) {
      Set<String> referenced = ItemReferences.payloadsAmong(backend, key, oldEnough);
      List<String> orphans = oldEnough.stream().filter(k -> !referenced.contains(k)).toList();
      return orphans.isEmpty() ? 0 : backend.blobs().deleteAll(BlobArea.JSON, orphans);
    }
    Set<String> referenced = ItemReferences.contentAmong(backend, key, oldEnough).keySet();
    List<String> orphans = oldEnough.stream().filter(k -> !referenced.contains(k)).toList();
    return removeContent(backend, key, orphans, cutoff);
  }

  /**
   * Content keys are named by their bytes, so a write may upload an orphan's bytes again and commit
   * a reference to it at any moment. Each orphan's age is therefore checked again just before it
   * goes (a new upload makes it young), and its bytes are kept while it goes. Orphans go in batches:
   * a batch is deleted, then the item's references are read once, and what became referenced
   * meanwhile is put back; a write that commits after that re-read finds its content missing and
   * uploads it itself. A batch holds at most {@link #CONTENT_BATCH} orphans and {@link
   * #CONTENT_BATCH_BYTES} of their bytes (or one orphan, when that alone is larger).
   */
  private static long removeContent(BackendPorts backend, ItemKey key, List<String> orphans, Instant cutoff) {
    long removed = 0;
    List<HeldContent> batch = new ArrayList<>();
    long heldBytes = 0;
    for (String orphan : orphans) {
      Optional<BlobInfo> now = backend.blobs().head(BlobArea.CONTENT, orphan).filter(info -> !info.lastModified().isAfter(cutoff));
      if (now.isEmpty()) {
        continue; // gone already, or uploaded again by a write
      }
      if (!batch.isEmpty() && heldBytes + now.get().size() > CONTENT_BATCH_BYTES) {
        removed += removeBatch(backend, key, batch);
        batch.clear();
        heldBytes = 0;
      }
      Optional<byte[]> bytes = backend.blobs().get(BlobArea.CONTENT, orphan);
      if (bytes.isEmpty()) {
        continue;
      }
      batch.add(new HeldContent(orphan, bytes.get()));
      heldBytes += bytes.get().length;
      if (batch.size() == CONTENT_BATCH) {
        removed += removeBatch(backend, key, batch);
        batch.clear();
        heldBytes = 0;
      }
    }
    return batch.isEmpty() ? removed : removed + removeBatch(backend, key, batch);
  }

  /** Deletes the batch, reads the item's references once, and puts back what a write referenced meanwhile. */
  private static long removeBatch(BackendPorts backend, ItemKey key, List<HeldContent> batch) {
    Set<String> keys = batch.stream().map(HeldContent::key).collect(Collectors.toCollection(LinkedHashSet::new));
    backend.blobs().deleteAll(BlobArea.CONTENT, keys);
    Map<String, ContentRef> nowReferenced = ItemReferences.contentAmong(backend, key, keys);
    long removed = 0;
    for (HeldContent content : batch) {
      ContentRef ref = nowReferenced.get(content.key());
      if (ref == null) {
        removed++;
        continue;
      }
      backend.blobs().put(BlobArea.CONTENT, content.key(), content.bytes(), ref.contentType());
      LOG.log(Level.INFO, "content {0} became referenced while garbage collection removed it; put it back", content.key());
    }
    return removed;
  }

  /** An orphan's bytes, kept until the re-read says whether it may stay deleted. */
  private record HeldContent(String key, byte[] bytes) {}
}
