package io.udm.adapter.memory;

import io.udm.api.Hold;
import io.udm.api.RouteContext;
import io.udm.spi.HoldStore;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Legal holds by id. */
public final class InMemoryHoldAdapter implements HoldStore {
  private final Map<String, Hold> holds = new LinkedHashMap<>();

  @Override
  public synchronized void place(Hold hold) {
    Objects.requireNonNull(hold, "hold");
    if (holds.putIfAbsent(hold.holdId(), hold) != null) {
      throw new IllegalStateException("hold id " + hold.holdId() + " is taken");
    }
  }

  @Override
  public synchronized Optional<Hold> release(String holdId) {
    return Optional.ofNullable(holds.remove(Objects.requireNonNull(holdId, "holdId")));
  }

  @Override
  public synchronized List<Hold> holds(RouteContext collection) {
    Objects.requireNonNull(collection, "collection");
    return holds.values().stream().filter(h -> h.context().equals(collection))
        .sorted(Comparator.comparing(Hold::placedAt).thenComparing(Hold::holdId)).toList();
  }
}
