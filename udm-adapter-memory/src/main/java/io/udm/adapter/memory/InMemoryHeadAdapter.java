package io.udm.adapter.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.RouteContext;
import io.udm.api.json.JsonValues;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.HeadStore;
import io.udm.spi.HeadWrite;
import io.udm.spi.ItemKey;
import io.udm.spi.ListPosition;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code heads}, one map per collection. Inserts and compare-and-sets run inside the map's
 * atomic {@code compute}, which plays the part of MongoDB's unique index on the item key.
 * {@link HeadRecord} copies its JSON in and out, so a stored record is never shared with a caller.
 */
public final class InMemoryHeadAdapter implements HeadStore {
  private final Map<RouteContext, Map<String, HeadRecord>> headsByCollection = new ConcurrentHashMap<>();

  @Override
  public Optional<HeadRecord> find(ItemKey key) {
    return Optional.ofNullable(heads(key.collection()).get(key.objectId()));
  }

  @Override
  public HeadWrite insert(HeadRecord head) {
    Objects.requireNonNull(head, "head");
    HeadRecord existing = heads(head.key().collection()).putIfAbsent(head.key().objectId(), head);
    return existing == null ? HeadWrite.APPLIED : new HeadWrite.Conflict(existing.ov());
  }

  @Override
  public HeadWrite compareAndSet(long expectedOv, HeadRecord next) {
    Objects.requireNonNull(next, "next");
    AtomicReference<HeadWrite> outcome = new AtomicReference<>();
    heads(next.key().collection()).compute(next.key().objectId(), (id, current) -> {
      if (current == null) {
        outcome.set(new HeadWrite.Conflict(0));
        return null;
      }
      if (current.ov() != expectedOv) {
        outcome.set(new HeadWrite.Conflict(current.ov()));
        return current;
      }
      outcome.set(HeadWrite.APPLIED);
      return next;
    });
    return outcome.get();
  }

  @Override
  public List<HeadRecord> query(HeadQuery query) {
    if (query.limit() < 1) {
      throw new IllegalArgumentException("a head query needs a limit of at least 1, got " + query.limit());
    }
    Comparator<Listed> order = Listed.order(query.ascending());
    Optional<Listed> after = query.after().map(position -> Listed.at(position, query.sortField()));
    // The page's heads only: a queue of the best limit so far, its worst on top to be dropped first.
    PriorityQueue<Listed> page = new PriorityQueue<>(order.reversed());
    heads(query.collection()).values().stream()
        .filter(head -> query.includeDeleted() || !head.deleted())
        .map(head -> Listed.of(head, query.sortField()))
        .filter(listed -> query.filter().matches(listed.meta()))
        .filter(listed -> after.map(position -> order.compare(listed, position) > 0).orElse(true))
        .forEach(listed -> {
          page.add(listed);
          if (page.size() > query.limit()) {
            page.poll();
          }
        });
    return page.stream().sorted(order).map(Listed::head).toList();
  }

  @Override
  public boolean delete(ItemKey key) {
    return heads(key.collection()).remove(key.objectId()) != null;
  }

  private Map<String, HeadRecord> heads(RouteContext collection) {
    return headsByCollection.computeIfAbsent(collection, c -> new ConcurrentHashMap<>());
  }

  /**
   * A head with its sort key worked out once (meta() copies on every call). Without a sort field
   * the sort value is JSON null for all, so the order falls through to the object id.
   */
  private record Listed(HeadRecord head, ObjectNode meta, JsonNode sortValue, String objectId) {
    static Listed of(HeadRecord head, Optional<String> sortField) {
      ObjectNode meta = head.meta();
      JsonNode sortValue = sortField.flatMap(field -> JsonValues.at(meta, field)).orElse(JsonValues.NODES.nullNode());
      return new Listed(head, meta, sortValue, head.key().objectId());
    }

    /** The keyset position as a comparable stand-in; its sort value is ignored when there is no sort field. */
    static Listed at(ListPosition position, Optional<String> sortField) {
      JsonNode sortValue = sortField.isPresent() ? position.sortValue() : JsonValues.NODES.nullNode();
      return new Listed(null, null, sortValue, position.objectId());
    }

    static Comparator<Listed> order(boolean ascending) {
      Comparator<Listed> up = Comparator.comparing(Listed::sortValue, JsonValues.SORT_ORDER)
          .thenComparing(Listed::objectId);
      return ascending ? up : up.reversed();
    }
  }
}
