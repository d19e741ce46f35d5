package io.udm.spi;

import io.udm.api.RouteContext;
import java.util.Optional;

/** Records which backend a collection was first written to, so routing changes are caught. */
public interface PlacementRegistry {
  Optional<String> find(RouteContext collection);

  /** Records {@code backendId} unless a placement exists; returns the placement in force. */
  String claim(RouteContext collection, String backendId);
}
