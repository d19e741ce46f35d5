package io.udm.adapter.memory;

import io.udm.api.RouteContext;
import io.udm.spi.SequenceStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Collection version counters: one atomic long per collection, so numbers never repeat and never gap here. */
public final class InMemorySequenceAdapter implements SequenceStore {
  private final Map<RouteContext, AtomicLong> counters = new ConcurrentHashMap<>();

  @Override
  public long next(RouteContext collection) {
    return counters.computeIfAbsent(collection, c -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public long current(RouteContext collection) {
    AtomicLong counter = counters.get(collection);
    return counter == null ? 0 : counter.get();
  }
}
