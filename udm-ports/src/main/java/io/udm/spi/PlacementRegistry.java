package io.udm.spi;

import io.udm.api.RouteContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where each collection lives: the routing truth. A collection is placed on its first write and
 * stays there until a rebalance moves it ({@link #replace}).
 */
public interface PlacementRegistry {
  Optional<Placement> placement(RouteContext collection);

  /** The pair a collection lives on, if it was placed. */
  default Optional<String> find(RouteContext collection) {
    return placement(collection).map(Placement::backendId);
  }

  /** Places the collection on {@code backendId} unless it is placed; returns the pair in force. */
  String claim(RouteContext collection, String backendId);

  /**
   * Replaces {@code expected} by {@code next} (its next revision) if the stored placement is still
   * at {@code expected}'s revision; false if it changed since (or vanished).
   */
  boolean replace(Placement expected, Placement next);

  /** Up to {@code limit} placements ordered by {@link Placement#orderKey}, after {@code after}'s key. */
  List<Placement> list(Optional<RouteContext> after, int limit);

  /** Visits every placement in {@link Placement#orderKey} order, holding one page of {@code pageSize}. */
  default void forEach(int pageSize, Consumer<Placement> visit) {
    Optional<RouteContext> after = Optional.empty();
    while (true) {
      List<Placement> page = list(after, pageSize);
      page.forEach(visit);
      if (page.size() < pageSize) {
        return;
      }
      after = Optional.of(page.get(page.size() - 1).collection());
    }
  }
}
