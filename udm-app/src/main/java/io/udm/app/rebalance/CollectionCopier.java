package io.udm.app.rebalance;

import io.udm.api.ContentRef;
import io.udm.api.RouteContext;
import io.udm.app.changes.CvSettlement;
import io.udm.spi.AppendResult;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.HeadRecord;
import io.udm.spi.HeadWrite;
import io.udm.spi.ItemKey;
import io.udm.spi.PrunedRequest;
import io.udm.spi.VersionRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Copies one collection from its source pair to a target pair, idempotently: version records by
 * their (item, ov) key, payloads by their unique key and content by its content address, each
 * object before the record that names it (so the target never holds a record without its payload),
 * then the heads of the items copied. A pass reads the source's version log in cv order from a
 * frontier below which everything is copied and every other cv is burned, so nothing more can
 * commit there.
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
   * Copies every version with a cv above {@code frontier}, then the heads of their items, and moves
   * the frontier up to where every cv is copied or burned ({@link CvSettlement}): a missing cv is
   * burned once the feed's hold has passed, or at once when it is at or below {@code burnNowUpTo}
   * (the caller fenced the counter there). Copying reaches past a held gap; the frontier does not.
   */
  Pass pass(long frontier, long burnNowUpTo) {
    Set<ItemKey> items = new LinkedHashSet<>();
    Set<String> copied = new HashSet<>();
    long next = frontier;
    long highest = frontier;
    long seen = 0;
    boolean settling = true;
    long after = frontier;
    while (true) {
      List<VersionRecord> page = source.versions().listByCv(collection, after, PAGE);
      for (VersionRecord version : page) {
        copyOnce(version, copied, items);
        seen++;
        highest = Math.max(highest, version.cv());
      }
      boolean last = page.size() < PAGE;
      // The frontier follows the copy while every cv below it is settled; past a gap that may still
      // commit, copying goes on and the frontier stays.
      while (settling) {
        List<VersionRecord> above = above(page, next);
        CvSettlement.Settled settled =
            CvSettlement.settle(source, collection, next, above, last, clock.instant(), burnNowUpTo);
        // A version that landed while its cv was being burned is not in the listing: the frontier
        // stops below it, and the next pass copies it.
        settling = settled.frontier() > next;
        next = settled.frontier();
        if (above.isEmpty() || next >= above.get(above.size() - 1).cv()) {
          break;
        }
      }
      if (last) {
        break;
      }
      after = page.get(page.size() - 1).cv();
    }
    items.forEach(this::copyHead);
    return new Pass(next, highest, seen, items);
  }

  private static List<VersionRecord> above(List<VersionRecord> page, long cv) {
    return page.stream().filter(v -> v.cv() > cv).toList();
  }

  private void copyOnce(VersionRecord version, Set<String> copied, Set<ItemKey> items) {
    if (copied.add(version.key() + "/" + version.ov())) {
      copyVersion(version);
      items.add(version.key());
    }
  }

  /**
   * Copies the memos of the request ids retention pruned on the source, so a replay of such a
   * request after the switch is answered from the memo on the target instead of writing again.
   * Returns how many were copied.
   */
  long copyRequestMemos() {
    long copied = 0;
    Optional<String> after = Optional.empty();
    while (true) {
      List<PrunedRequest> page = source.requestMemos().prunedRequests(collection, after, PAGE, clock.instant());
      if (!page.isEmpty()) {
        target.requestMemos().rememberPrunedRequests(page);
        copied += page.size();
      }
      if (page.size() < PAGE) {
        return copied;
      }
      after = Optional.of(page.get(page.size() - 1).requestId());
    }
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
    if (!version.payloadInline()) {
      // An inline payload travels inside the record.
      copyObject(BlobArea.JSON, version.payloadKey(), "application/json", version);
    }
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
