package io.udm.http;

import io.udm.api.Op;
import io.udm.api.RouteContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The writes this server answered with 202 (queued for retry), by request id: the collection each
 * belongs to, so that {@code GET /v1/ops/{requestId}} can check the caller's tenant before it
 * reads the queue, and can still answer "done" once the op has left the queue. Bounded: the
 * oldest entries go first; an op forgotten here is still found while queued or dead-lettered.
 */
final class QueuedWrites {
  record Entry(String requestId, RouteContext collection, Op op, Optional<String> itemId) {}

  static final int MAX_REMEMBERED = 10_000;

  private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > MAX_REMEMBERED;
    }
  };

  synchronized void remember(Entry entry) {
    entries.put(entry.requestId(), entry);
  }

  synchronized Optional<Entry> find(String requestId) {
    return Optional.ofNullable(entries.get(requestId));
  }
}
