package io.udm.adapter.memory;

import io.udm.api.CounterQuery;
import io.udm.api.RouteContext;
import io.udm.api.Totals;
import io.udm.spi.AppliedEffect;
import io.udm.spi.CounterDelta;
import io.udm.spi.CounterStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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
  /** Applied effects by collection and write id; guarded by {@code this}, with their additions. */
  private final Map<RouteContext, Map<String, AppliedEffect>> remembered = new HashMap<>();

  @Override
  public synchronized boolean addOnce(RouteContext collection, CounterDelta delta, List<AppliedEffect> effects,
      Collection<String> forget) {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(delta, "delta");
    Map<String, AppliedEffect> seen = remembered.computeIfAbsent(collection, c -> new HashMap<>());
    forget.forEach(seen::remove);
    if (effects.stream().anyMatch(effect -> seen.containsKey(effect.writeId()))) {
      return false;
    }
    effects.forEach(effect -> seen.put(effect.writeId(), effect));
    totalsByCollection.merge(collection, asTotals(delta), Totals::plus);
    return true;
  }

  @Override
  public synchronized void forget(RouteContext collection, Collection<String> writeIds) {
    Map<String, AppliedEffect> seen = remembered.get(collection);
    if (seen != null) {
      writeIds.forEach(seen::remove);
    }
  }

  @Override
  public synchronized List<AppliedEffect> remembered(Instant appliedBefore, int limit) {
    return remembered.values().stream().flatMap(seen -> seen.values().stream())
        .filter(effect -> effect.appliedAt().isBefore(appliedBefore)).limit(limit).toList();
  }

  @Override
  public synchronized void add(RouteContext collection, CounterDelta delta) {
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
  public synchronized void reset(CounterQuery query) {
    totalsByCollection.keySet().removeIf(query::covers);
    remembered.keySet().removeIf(query::covers);
  }

  private static Totals asTotals(CounterDelta delta) {
    return new Totals(
        delta.creates(), delta.updates(), delta.deletes(), delta.enrichments(), delta.restores(), delta.live(),
        delta.rules());
  }
}
