package io.udm.adapter.memory;

import io.udm.api.RouteContext;
import io.udm.spi.IndexStates;
import io.udm.spi.Placement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Complete indexed properties per collection; the first record wins, as with an insert on a unique key. */
public final class InMemoryIndexStateAdapter implements IndexStates {
  private final Map<String, Set<String>> complete = new HashMap<>();

  @Override
  public synchronized Optional<Set<String>> complete(RouteContext collection) {
    return Optional.ofNullable(complete.get(Placement.orderKey(collection))).map(Set::copyOf);
  }

  @Override
  public synchronized Set<String> initialize(RouteContext collection, Set<String> props) {
    Objects.requireNonNull(props, "props");
    return Set.copyOf(complete.computeIfAbsent(Placement.orderKey(collection), k -> new TreeSet<>(props)));
  }

  @Override
  public synchronized void markComplete(RouteContext collection, String prop) {
    Objects.requireNonNull(prop, "prop");
    complete.computeIfAbsent(Placement.orderKey(collection), k -> new TreeSet<>()).add(prop);
  }

  @Override
  public synchronized void markIncomplete(RouteContext collection, Set<String> props) {
    Objects.requireNonNull(props, "props");
    Set<String> held = complete.get(Placement.orderKey(collection));
    if (held != null) {
      held.removeAll(props);
    }
  }
}
