package io.udm.spi;

import io.udm.api.Names;
import io.udm.api.RouteContext;
import java.util.Objects;

/** The full identity of an item: its collection and its object id. Validated on construction. */
public record ItemKey(RouteContext collection, String objectId) {
  public ItemKey {
    Objects.requireNonNull(collection, "collection");
    Names.requireObjectId(objectId);
  }

  public static ItemKey of(RouteContext collection, String objectId) {
    return new ItemKey(collection, objectId);
  }

  @Override
  public String toString() {
    return collection + "/" + objectId;
  }
}
