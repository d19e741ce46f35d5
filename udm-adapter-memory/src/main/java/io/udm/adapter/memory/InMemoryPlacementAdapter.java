package io.udm.adapter.memory;

import io.udm.api.RouteContext;
import io.udm.spi.PlacementRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Where each collection was first written. The first claim wins, as with an upsert on a unique key. */
public final class InMemoryPlacementAdapter implements PlacementRegistry {
  private final Map<RouteContext, String> placements = new ConcurrentHashMap<>();

  @Override
  public Optional<String> find(RouteContext collection) {
    return Optional.ofNullable(placements.get(collection));
  }

  @Override
  public String claim(RouteContext collection, String backendId) {
    Objects.requireNonNull(backendId, "backendId");
    String existing = placements.putIfAbsent(collection, backendId);
    return existing == null ? backendId : existing;
  }
}
