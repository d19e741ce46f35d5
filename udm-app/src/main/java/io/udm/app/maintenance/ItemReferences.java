package io.udm.app.maintenance;

import io.udm.api.ContentRef;
import io.udm.app.scan.ItemHistory;
import io.udm.spi.BackendPorts;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which of some object keys an item's version records (then its head) reference. One pass over the
 * history, a page at a time, keeping only the matches: memory is bounded by the keys asked about
 * and one history page, however many versions the item has.
 */
final class ItemReferences {
  private ItemReferences() {}

  /** The payloads among {@code candidates} that a version record or the head points to. */
  static Set<String> payloadsAmong(BackendPorts backend, ItemKey key, Set<String> candidates) {
    Set<String> referenced = new HashSet<>();
    ItemHistory.forEach(backend.versions(), key, v -> {
      if (candidates.contains(v.payloadKey())) {
        referenced.add(v.payloadKey());
      }
    });
    backend.heads().find(key).map(HeadRecord::payloadKey).filter(candidates::contains).ifPresent(referenced::add);
    return referenced;
  }

  /** The content among {@code candidates} that a version record or the head refers to, by key. */
  static Map<String, ContentRef> contentAmong(BackendPorts backend, ItemKey key, Set<String> candidates) {
    Map<String, ContentRef> referenced = new HashMap<>();
    ItemHistory.forEach(backend.versions(), key, v -> v.content().forEach(ref -> keepIfAsked(ref, candidates, referenced)));
    backend.heads().find(key).ifPresent(h -> h.content().forEach(ref -> keepIfAsked(ref, candidates, referenced)));
    return referenced;
  }

  private static void keepIfAsked(ContentRef ref, Set<String> candidates, Map<String, ContentRef> referenced) {
    if (candidates.contains(ref.key())) {
      referenced.putIfAbsent(ref.key(), ref);
    }
  }
}
