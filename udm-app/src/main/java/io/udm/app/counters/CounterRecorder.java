package io.udm.app.counters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Op;
import io.udm.api.RouteContext;
import io.udm.app.stored.StoredPayloads;
import io.udm.app.write.CommitListener;
import io.udm.app.write.CommittedWrite;
import io.udm.domain.counters.CounterDeltas.ItemState;
import io.udm.domain.counters.CounterDeltas;
import io.udm.domain.document.DocumentRules;
import io.udm.spi.BackendPorts;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.Optional;

/**
 * After each commit, turns the before/after states into a counter delta and hands it to {@link
 * CountersService}. The previous payload is read only when a payload-scope rule needs it.
 */
public final class CounterRecorder implements CommitListener {
  private final CounterDeltas deltas;
  private final CountersService counters;

  public CounterRecorder(CounterDeltas deltas, CountersService counters) {
    this.deltas = deltas;
    this.counters = counters;
  }

  @Override
  public void committed(CommittedWrite write) {
    BackendPorts backend = write.backend();
    Optional<VersionRecord> before = write.before();
    VersionRecord after = write.after();
    RouteContext collection = after.key().collection();
    Op op = after.op();
    boolean payload = deltas.needsPayload(collection, op);
    Optional<ItemState> was = before.map(b -> state(backend, b.key(), b.ov(), b.payloadKey(), b.deleted(), b.meta(), payload));
    ItemState now = new ItemState(after.deleted(), after.meta(),
        payload && !after.deleted() ? Optional.of(withoutSystem(write.plan().storedDocument())) : Optional.empty());
    counters.add(collection, deltas.of(collection, op, was, now));
  }

  public static ItemState state(BackendPorts backend, HeadRecord head, boolean payload) {
    return state(backend, head.key(), head.ov(), head.payloadKey(), head.deleted(), head.meta(), payload);
  }

  private static ItemState state(BackendPorts backend, ItemKey key, long ov, String payloadKey, boolean deleted,
      ObjectNode meta, boolean payload) {
    if (!payload || deleted) {
      return new ItemState(deleted, meta, Optional.empty());
    }
    JsonNode doc = StoredPayloads.read(backend.blobs(), key, ov, payloadKey);
    return new ItemState(false, meta, Optional.of(withoutSystem(doc)));
  }

  private static ObjectNode withoutSystem(JsonNode doc) {
    ObjectNode copy = ((ObjectNode) doc).deepCopy();
    copy.remove(DocumentRules.SYSTEM_KEY);
    return copy;
  }
}
