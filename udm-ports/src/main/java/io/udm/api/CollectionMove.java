package io.udm.api;

import java.util.Objects;

/** One collection to move from the pair it is placed on to the pair routing now gives it. */
public record CollectionMove(RouteContext collection, String fromBackendId, String toBackendId) {
  public CollectionMove {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(fromBackendId, "fromBackendId");
    Objects.requireNonNull(toBackendId, "toBackendId");
  }
}
