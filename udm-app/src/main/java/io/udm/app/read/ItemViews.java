package io.udm.app.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ContentRef;
import io.udm.api.ItemView;
import io.udm.app.optimizer.Uncached;
import io.udm.app.payloads.StoredPayloads;
import io.udm.domain.document.MetaExtractor;
import io.udm.domain.write.SystemHeaders;
import io.udm.spi.BackendPorts;
import io.udm.spi.HeadRecord;
import io.udm.spi.VersionRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the caller's {@link ItemView} of a stored version: its payload without {@code _system}, and
 * its meta taken from that payload at the collection's current {@code indexedProps}, so an item
 * reads as a listing filters it (also after {@code indexedProps} changed and a reindex backfilled
 * the heads; version records keep the meta their writers computed).
 */
final class ItemViews {
  private ItemViews() {}

  /** The view of a version read a moment ago; empty when it is gone since (hard delete, retention). */
  static Optional<ItemView> ofKept(BackendPorts backend, VersionRecord v, List<String> indexedProps) {
    return StoredPayloads.userDataIfKept(backend, v).map(data -> new ItemView(v.key().objectId(), v.ov(), v.cv(),
        v.at(), data, MetaExtractor.extract(data, indexedProps), v.system(), byPath(v.content()), v.deleted()));
  }

  /** A listed version's view (after its head's payload was missing): read from the store itself, as a head's. */
  static ItemView of(BackendPorts backend, VersionRecord v, List<String> indexedProps) {
    ObjectNode data = SystemHeaders.userData(StoredPayloads.read(Uncached.store(backend.blobs()), v));
    return new ItemView(v.key().objectId(), v.ov(), v.cv(), v.at(), data, MetaExtractor.extract(data, indexedProps),
        v.system(), byPath(v.content()), v.deleted());
  }

  /** A head's view, its payload read from the store itself (see {@link Uncached}). */
  static ItemView of(BackendPorts backend, HeadRecord h, List<String> indexedProps) {
    JsonNode stored = StoredPayloads.read(Uncached.store(backend.blobs()), h);
    ObjectNode data = SystemHeaders.userData(stored);
    return new ItemView(h.key().objectId(), h.ov(), h.cv(), h.at(), data, MetaExtractor.extract(data, indexedProps),
        h.system(), byPath(h.content()), h.deleted());
  }

  private static Map<String, ContentRef> byPath(Iterable<ContentRef> refs) {
    Map<String, ContentRef> out = new LinkedHashMap<>();
    refs.forEach(r -> out.put(r.path(), r));
    return out;
  }
}
