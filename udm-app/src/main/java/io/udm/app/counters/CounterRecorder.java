package io.udm.app.counters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.RouteContext;
import io.udm.app.payloads.StoredPayloads;
import io.udm.domain.counters.CounterDeltas;
import io.udm.domain.counters.CounterDeltas.ItemState;
import io.udm.domain.document.DocumentRules;
import io.udm.domain.write.PlannedVersion;
import io.udm.spi.BackendPorts;
import io.udm.spi.CounterDelta;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import java.util.Optional;

/**
 * What a planned version will add to its collection's counters, from the version it builds on and
 * the planned one. The previous payload is read only when a payload-scope rule needs it.
 */
public final class CounterRecorder {
  private final CounterDeltas deltas;

  public CounterRecorder(CounterDeltas deltas) {
    this.deltas = deltas;
  }

  public CounterDelta deltaOf(BackendPorts backend, ItemKey key, Optional<HeadRecord> before, PlannedVersion plan) {
    RouteContext collection = key.collection();
    boolean payload = deltas.needsPayload(collection, plan.op());
    Optional<ItemState> was = before.map(b -> state(b.deleted(), b.meta(), payload,
        () -> StoredPayloads.read(backend.blobs(), b)));
    boolean deleted = plan.system().deleted();
    ItemState now = new ItemState(deleted, plan.meta(),
        payload && !deleted ? Optional.of(withoutSystem(plan.storedDocument())) : Optional.empty());
    return deltas.of(collection, plan.op(), was, now);
  }

  public static ItemState state(BackendPorts backend, HeadRecord head, boolean payload) {
    return state(head.deleted(), head.meta(), payload, () -> StoredPayloads.read(backend.blobs(), head));
  }

  private static ItemState state(boolean deleted, ObjectNode meta, boolean payload,
      java.util.function.Supplier<JsonNode> storedDocument) {
    if (!payload || deleted) {
      return new ItemState(deleted, meta, Optional.empty());
    }
    return new ItemState(false, meta, Optional.of(withoutSystem(storedDocument.get())));
  }

  private static ObjectNode withoutSystem(JsonNode doc) {
    ObjectNode copy = ((ObjectNode) doc).deepCopy();
    copy.remove(DocumentRules.SYSTEM_KEY);
    return copy;
  }
}
