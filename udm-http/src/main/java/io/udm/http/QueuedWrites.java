package io.udm.http;

import io.udm.api.Op;
import io.udm.api.RouteContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Objects;

/**
 * The writes this server answered with 202 (queued for retry), by tenant and request id: the
 * collection each belongs to, so that {@code GET /v1/ops/{requestId}} finds a caller's own op
 * without reading other tenants' queues, and can still answer "done" once the op has left the
 * queue. A request id names one request per tenant: the same id in another tenant is another op.
 * Bounded: the oldest entries go first; an op forgotten here is still found while queued or
 * dead-lettered.
 */
final class QueuedWrites {
  record Entry(String requestId, RouteContext collection, Op op, Optional<String> itemId) {}

  private record Key(String tenantId, String requestId) {}

  static final int MAX_REMEMBERED = 10_000;

  private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
      return size() > MAX_REMEMBERED;
    }
  };

  synchronized void remember(Entry entry) {
    entries.put(new Key(entry.collection().tenantId(), entry.requestId()), entry);
  }

  /** The op with this request id in one of {@code tenants} ({@code null}: any tenant). */
  synchronized Optional<Entry> find(String requestId, Set<String> tenants) {
    if (tenants != null) {
      return tenants.stream().sorted().map(t -> entries.get(new Key(t, requestId))).filter(Objects::nonNull).findFirst();
    }
    return entries.values().stream().filter(e -> e.requestId().equals(requestId)).reduce((first, later) -> later);
  }
}
