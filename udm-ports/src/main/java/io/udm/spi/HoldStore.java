package io.udm.spi;

import io.udm.api.Hold;
import io.udm.api.RouteContext;
import java.util.List;
import java.util.Optional;

/** Legal holds, kept in the shared store beside placements, so a moved collection keeps them. */
public interface HoldStore {
  /** Records {@code hold}; its id is new. */
  void place(Hold hold);

  /** Removes the hold and returns it; empty when no hold has that id. */
  Optional<Hold> release(String holdId);

  /** The holds of {@code collection} (on it and on its items), oldest first. */
  List<Hold> holds(RouteContext collection);
}
