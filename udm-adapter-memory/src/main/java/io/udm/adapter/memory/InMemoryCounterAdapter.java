package io.udm.adapter.memory;

import io.udm.api.CounterQuery;
import io.udm.api.RouteContext;
import io.udm.api.Totals;
import io.udm.spi.CounterDelta;
import io.udm.spi.CounterStore;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-collection counters. An addition is one atomic {@code merge} per collection, like a MongoDB
 * {@code $inc}; totals and resets walk the collections the query covers, one at a time (no
 * snapshot across collections, as on MongoDB).
 */
public final class InMemoryCounterAdapter implements CounterStore {
  private final Map<RouteContext, Totals> totalsByCollection = new ConcurrentHashMap<>();

  @Override
  public void add(RouteContext collection, CounterDelta delta) {
    Objects.requireNonNull(collection, "collection");
    totalsByCollection.merge(collection, asTotals(delta), Totals::plus);
  }

  @Override
  public Totals totals(CounterQuery query) {
    return totalsByCollection.entrySet().stream()
        .filter(entry -> query.covers(entry.getKey()))
        .map(Map.Entry::getValue)
        .reduce(Totals.zero(), Totals::plus);
  }

  /** Removing a collection's entry reads as zeros and lets the next addition start afresh. */
  @Override
  public void reset(CounterQuery query) {
    totalsByCollection.keySet().removeIf(query::covers);
  }

  private static Totals asTotals(CounterDelta delta) {
    return new Totals(
        delta.creates(), delta.updates(), delta.deletes(), delta.enrichments(), delta.restores(), delta.live(),
        delta.rules());
  }
}
