package io.udm.app.rebalance;

import io.udm.api.RouteContext;
import io.udm.app.payloads.StoredPayloads;
import io.udm.app.purge.ItemPurge;
import io.udm.app.scan.ItemScan;
import io.udm.app.scan.PageCursor;
import io.udm.domain.hash.Sha256;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes sure the target holds what the source holds: the same heads, and per item the same version
 * records with payloads of the same SHA-256. What a maintenance run changed on the source during
 * the copy is brought over (an item hard-deleted there leaves the target too; versions retention
 * pruned there leave the target); anything still different afterwards fails the move.
 */
final class MoveCheck {
  private static final int PAGE = 1000;

  private final BackendPorts source;
  private final BackendPorts target;
  private final RouteContext collection;
  private final CollectionCopier copier;

  MoveCheck(BackendPorts source, BackendPorts target, RouteContext collection, CollectionCopier copier) {
    this.source = source;
    this.target = target;
    this.collection = collection;
    this.copier = copier;
  }

  /**
   * While the source still takes commits: every version copied so far matches its source record
   * and payload (SHA-256). Versions the source does not hold (yet, or any more) are left to the
   * check after the fence.
   */
  void copiesSoFar() {
    ItemScan.forEachHead(target, collection, PAGE, head -> {
      Map<Long, VersionRecord> atSource = new HashMap<>();
      source.versions().history(head.key()).forEach(v -> atSource.put(v.ov(), v));
      for (VersionRecord copy : target.versions().history(head.key())) {
        VersionRecord version = atSource.get(copy.ov());
        if (version != null) {
          same(version, copy);
        }
      }
    });
  }

  /**
   * Once the source is fenced: every head, and the versions of {@code touched} items and of items
   * whose heads differed.
   */
  void afterFence(Set<ItemKey> touched) {
    Set<ItemKey> items = heads();
    items.addAll(touched);
    items.forEach(this::item);
  }

  /**
   * Walks both pairs' heads in object id order and fixes what differs; returns the items whose
   * versions must be compared too.
   */
  private Set<ItemKey> heads() {
    Set<ItemKey> differing = new LinkedHashSet<>();
    PageCursor<HeadRecord> fromSource = ItemScan.heads(source, collection, PAGE);
    PageCursor<HeadRecord> onTarget = ItemScan.heads(target, collection, PAGE);
    while (fromSource.peek().isPresent() || onTarget.peek().isPresent()) {
      Optional<HeadRecord> s = fromSource.peek();
      Optional<HeadRecord> t = onTarget.peek();
      int order = s.isEmpty() ? 1 : t.isEmpty() ? -1 : s.get().key().objectId().compareTo(t.get().key().objectId());
      if (order < 0) {
        copier.copyHead(fromSource.next().key());
        differing.add(s.get().key());
      } else if (order > 0) {
        // Hard-deleted on the source while it was copied.
        ItemKey gone = onTarget.next().key();
        removeFromTarget(gone);
      } else {
        fromSource.next();
        onTarget.next();
        if (!samePointer(s, t)) {
          copier.copyHead(s.get().key());
          differing.add(s.get().key());
        }
      }
    }
    return differing;
  }

  private void removeFromTarget(ItemKey key) {
    if (source.versions().latest(key).isPresent()) {
      throw new MoveFailedException("item " + key + " has versions but no head on the source; run `udm verify` on the"
          + " collection (it repairs this) and rebalance again");
    }
    target.heads().delete(key);
    ItemPurge.deleteVersions(target, key);
    ItemPurge.deleteObjects(target, StorageKeys.itemPrefix(key));
  }

  /** Same version records (by ov, write id, cv, payload key) and same payload bytes, by SHA-256. */
  private void item(ItemKey key) {
    List<VersionRecord> wanted = source.versions().history(key);
    Map<Long, VersionRecord> there = new HashMap<>();
    target.versions().history(key).forEach(v -> there.put(v.ov(), v));
    List<Long> pruned = new ArrayList<>(there.keySet());
    wanted.forEach(v -> pruned.remove(Long.valueOf(v.ov())));
    if (!pruned.isEmpty()) {
      // Retention pruned these on the source while the collection was copied.
      target.versions().delete(key, pruned);
    }
    for (VersionRecord version : wanted) {
      VersionRecord copy = there.get(version.ov());
      if (copy == null) {
        throw new MoveFailedException("version " + version.ov() + " of " + key + " is missing on the target");
      }
      same(version, copy);
    }
    if (!samePointer(source.heads().find(key), target.heads().find(key))) {
      // A commit that drew its cv before the fence may have moved the source's head just now.
      copier.copyHead(key);
      if (!samePointer(source.heads().find(key), target.heads().find(key))) {
        throw new MoveFailedException("the head of " + key + " differs on the target");
      }
    }
  }

  /**
   * Whether two heads point at the same version. Their dev shadows may differ: a shadow written to
   * the source after its head was copied is a development aid, not data.
   */
  private static boolean samePointer(Optional<HeadRecord> a, Optional<HeadRecord> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    return a.get().ov() == b.get().ov() && a.get().payloadKey().equals(b.get().payloadKey());
  }

  private void same(VersionRecord version, VersionRecord copy) {
    if (!copy.writeId().equals(version.writeId()) || copy.cv() != version.cv()
        || !copy.payloadKey().equals(version.payloadKey())) {
      throw new MoveFailedException("version " + version.ov() + " of " + version.key() + " differs on the target");
    }
    if (!payloadHash(source, version).equals(payloadHash(target, copy))) {
      throw new MoveFailedException("the payload of version " + version.ov() + " of " + version.key() + " differs on"
          + " the target (SHA-256)");
    }
  }

  private static String payloadHash(BackendPorts on, VersionRecord version) {
    return StoredPayloads.bytes(on.blobs(), version).map(Sha256::hexOf).orElse("(missing)");
  }
}
