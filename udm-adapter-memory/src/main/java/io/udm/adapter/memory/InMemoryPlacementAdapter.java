package io.udm.adapter.memory;

import io.udm.api.RouteContext;
import io.udm.spi.Placement;
import io.udm.spi.PlacementRegistry;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Where each collection lives. The first claim wins, as with an upsert on a unique key. */
public final class InMemoryPlacementAdapter implements PlacementRegistry {
  private final NavigableMap<String, Placement> placements = new TreeMap<>();

  @Override
  public synchronized Optional<Placement> placement(RouteContext collection) {
    return Optional.ofNullable(placements.get(Placement.orderKey(collection)));
  }

  @Override
  public synchronized String claim(RouteContext collection, String backendId) {
    Objects.requireNonNull(backendId, "backendId");
    return placements.computeIfAbsent(Placement.orderKey(collection), k -> Placement.first(collection, backendId))
        .backendId();
  }

  @Override
  public synchronized boolean replace(Placement expected, Placement next) {
    expected.requireSuccessor(next);
    String key = Placement.orderKey(expected.collection());
    Placement stored = placements.get(key);
    if (stored == null || stored.revision() != expected.revision()) {
      return false;
    }
    placements.put(key, next);
    return true;
  }

  @Override
  public synchronized List<Placement> list(Optional<RouteContext> after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a placement listing needs a limit of 1 or more, got " + limit);
    }
    Map<String, Placement> tail = after.isPresent()
        ? placements.tailMap(Placement.orderKey(after.get()), false) : placements;
    return tail.values().stream().limit(limit).toList();
  }

}
