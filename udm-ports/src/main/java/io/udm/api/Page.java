package io.udm.api;

import java.util.List;
import java.util.Optional;

/** One page of a keyset-paginated listing; pass {@link #nextCursor()} back to get the next page. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
  public Page {
    items = List.copyOf(items);
  }
}
