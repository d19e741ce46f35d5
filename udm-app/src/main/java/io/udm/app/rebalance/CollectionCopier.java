package io.udm.app.rebalance;

import io.udm.api.ContentRef;
import io.udm.api.RouteContext;
import io.udm.domain.changes.FeedTiming;
import io.udm.spi.AppendResult;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.HeadRecord;
import io.udm.spi.HeadWrite;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Copies one collection from its source pair to a target pair, idempotently: version records by
 * their (item, ov) key, payloads by their unique key and content by its content address, each
 * object before the record that names it (so the target never holds a record without its payload),
 * then the heads of the items copied. A pass reads the source's version log in cv order from a
 * frontier below which everything is copied and nothing can commit any more.
 */
final class CollectionCopier {
  private static final int PAGE = 500;

  private final BackendPorts source;
  private final BackendPorts target;
  private final RouteContext collection;
  private final Clock clock;
  private long versionsCopied;
  private long objectsCopied;

  CollectionCopier(BackendPorts source, BackendPorts target, RouteContext collection, Clock clock) {
    this.source = source;
    this.target = target;
    this.collection = collection;
    this.clock = clock;
  }

  /** What a pass did: the new frontier, the highest cv it met, and the items it touched. */
  record Pass(long frontier, long highestCv, long versionsSeen, Set<ItemKey> items) {}

  /**
   * Copies every version with a cv above {@code frontier}, then the heads of their items. The new
   * frontier stops before the first missing cv that may still commit ({@link FeedTiming}); a cv at
   * or below {@code settledUpTo} counts as settled whatever its timing (the caller knows no writer
   * can still commit it).
   */
  Pass pass(long frontier, long settledUpTo) {
    Set<ItemKey> items = new LinkedHashSet<>();
    long next = frontier;
    boolean gapOpen = false;
    long highest = frontier;
    long seen = 0;
    long after = frontier;
    while (true) {
      List<VersionRecord> page = source.versions().listByCv(collection, after, PAGE);
      Instant now = clock.instant();
      for (VersionRecord version : page) {
        copyVersion(version);
        items.add(version.key());
        seen++;
        highest = Math.max(highest, version.cv());
        boolean settledGap = version.cv() <= settledUpTo + 1 || FeedTiming.gapSettled(version.cvDrawnAt(), now);
        if (!gapOpen && (version.cv() == next + 1 || settledGap)) {
          next = version.cv();
        } else {
          gapOpen = true;
        }
      }
      if (page.size() < PAGE) {
        break;
      }
      after = page.get(page.size() - 1).cv();
    }
    if (!gapOpen && settledUpTo > next) {
      next = settledUpTo;
    }
    items.forEach(this::copyHead);
    return new Pass(next, highest, seen, items);
  }

  long versionsCopied() {
    return versionsCopied;
  }

  long objectsCopied() {
    return objectsCopied;
  }

  private void copyVersion(VersionRecord version) {
    Optional<VersionRecord> there = target.versions().find(version.key(), version.ov());
    if (there.isPresent()) {
      requireSame(version, there.get());
      return;
    }
    for (ContentRef content : version.content()) {
      copyObject(BlobArea.CONTENT, content.key(), content.contentType(), version);
    }
    copyObject(BlobArea.JSON, version.payloadKey(), "application/json", version);
    AppendResult appended = target.versions().append(version, Optional.empty());
    if (appended instanceof AppendResult.Appended) {
      versionsCopied++;
      return;
    }
    // A lost reply of an earlier try, or a different record: read what is there.
    VersionRecord atOv = target.versions().find(version.key(), version.ov()).orElseThrow(() -> new MoveFailedException(
        "the target refused version " + version.ov() + " of " + version.key() + " (" + appended + ")"));
    requireSame(version, atOv);
  }

  private void copyObject(BlobArea area, String key, String contentType, VersionRecord version) {
    if (target.blobs().head(area, key).isPresent()) {
      return;
    }
    byte[] bytes = source.blobs().get(area, key).orElseThrow(() -> new MoveFailedException(
        "version " + version.ov() + " of " + version.key() + " names object " + key + " (" + area + "), which its"
            + " source pair does not hold; run `udm verify` on the collection and repair it before moving it"));
    target.blobs().put(area, key, bytes, contentType);
    objectsCopied++;
  }

  /** Makes the target's head what the source's is now (absent stays absent: the check reports it). */
  void copyHead(ItemKey key) {
    Optional<HeadRecord> wanted = source.heads().find(key);
    if (wanted.isEmpty()) {
      return;
    }
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<HeadRecord> there = target.heads().find(key);
      if (there.isPresent() && there.get().equals(wanted.get())) {
        return;
      }
      HeadWrite write = there.isEmpty() ? target.heads().insert(wanted.get())
          : target.heads().compareAndSet(there.get().ov(), wanted.get());
      if (write.applied()) {
        return;
      }
    }
    throw new MoveFailedException("the head of " + key + " on the target keeps changing while the collection is"
        + " being moved to it; is another rebalance moving it?");
  }

  private static void requireSame(VersionRecord wanted, VersionRecord there) {
    if (!there.writeId().equals(wanted.writeId())) {
      throw new MoveFailedException("the target already holds a different version " + wanted.ov() + " of "
          + wanted.key() + " (write " + there.writeId() + ", the source's is " + wanted.writeId() + "); the target"
          + " holds data of this collection from elsewhere. Nothing was switched");
    }
  }
}
