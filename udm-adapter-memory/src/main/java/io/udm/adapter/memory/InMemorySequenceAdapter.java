package io.udm.adapter.memory;

import io.udm.api.RouteContext;
import io.udm.spi.CollectionFencedException;
import io.udm.spi.CvDraw;
import io.udm.spi.SequenceStore;
import java.util.HashMap;
import java.util.Map;

/** Collection version counters: one long per collection, so numbers never repeat and never gap here. */
public final class InMemorySequenceAdapter implements SequenceStore {
  private static final class Counter {
    long value;
    boolean fenced;
    boolean hardDeleted;
    long rewritesBegun;
    long rewritesEnded;
    String lastDrawer = "";
  }

  private final Map<RouteContext, Counter> counters = new HashMap<>();

  @Override
  public synchronized CvDraw draw(RouteContext collection, String drawer) {
    Counter counter = counters.computeIfAbsent(collection, c -> new Counter());
    if (counter.fenced) {
      throw new CollectionFencedException(collection);
    }
    boolean followsOwn = !drawer.isEmpty() && drawer.equals(counter.lastDrawer);
    counter.lastDrawer = drawer;
    return new CvDraw(++counter.value, counter.hardDeleted, counter.rewritesBegun, counter.rewritesEnded, followsOwn);
  }

  @Override
  public synchronized void beginRewrite(RouteContext collection) {
    counters.computeIfAbsent(collection, c -> new Counter()).rewritesBegun++;
  }

  @Override
  public synchronized void endRewrite(RouteContext collection) {
    counters.computeIfAbsent(collection, c -> new Counter()).rewritesEnded++;
  }

  @Override
  public synchronized void markHardDelete(RouteContext collection) {
    counters.computeIfAbsent(collection, c -> new Counter()).hardDeleted = true;
  }

  @Override
  public synchronized boolean hardDeleteMarked(RouteContext collection) {
    Counter counter = counters.get(collection);
    return counter != null && counter.hardDeleted;
  }

  @Override
  public synchronized long current(RouteContext collection) {
    Counter counter = counters.get(collection);
    return counter == null ? 0 : counter.value;
  }

  @Override
  public synchronized long fence(RouteContext collection) {
    Counter counter = counters.computeIfAbsent(collection, c -> new Counter());
    counter.fenced = true;
    return counter.value;
  }

  @Override
  public synchronized void reopen(RouteContext collection, long atLeast) {
    Counter counter = counters.computeIfAbsent(collection, c -> new Counter());
    counter.fenced = false;
    counter.value = Math.max(counter.value, atLeast);
  }
}
