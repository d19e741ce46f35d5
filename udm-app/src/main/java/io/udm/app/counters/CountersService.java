package io.udm.app.counters;

import io.udm.api.CounterQuery;
import io.udm.api.CountersApi;
import io.udm.api.RouteContext;
import io.udm.api.Totals;
import io.udm.spi.CounterDelta;
import io.udm.spi.CounterStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link CountersApi} over the counters store, and the one place counter deltas reach it. A delta
 * the store refuses is kept in memory (summed per collection) and retried on the next delta, on
 * every read, reset or recount, and on shutdown; it is logged without its values' context beyond
 * the collection. With {@code debounceCountersMs > 0} deltas are summed in memory and flushed at most
 * that often (and on those same occasions). What is still pending when the process dies is lost:
 * {@code maintenance().recountTotals} rebuilds {@code live} and the rule gauges from the heads.
 */
public final class CountersService implements CountersApi, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(CountersService.class.getName());

  private final CounterStore store;
  private final long debounceMillis;
  private final Map<RouteContext, CounterDelta> pending = new ConcurrentHashMap<>();
  private final Clock clock;
  private final AtomicLong lastFlush;

  /** {@code clock} times the debounce, so a test clock drives it too. */
  public CountersService(CounterStore store, long debounceMs, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.debounceMillis = Math.max(0, debounceMs);
    this.clock = clock;
    this.lastFlush = new AtomicLong(clock.millis());
  }

  /** Adds a committed operation's delta; never throws for a store failure (the delta stays pending). */
  public void add(RouteContext collection, CounterDelta delta) {
    if (delta.isZero()) {
      return;
    }
    if (debounceMillis > 0) {
      pending.merge(collection, delta, CounterDelta::plus);
      long last = lastFlush.get();
      long now = clock.millis();
      if (now - last >= debounceMillis && lastFlush.compareAndSet(last, now)) {
        flush();
      }
      return;
    }
    if (!pending.isEmpty()) {
      flush();
    }
    tryAdd(collection, delta);
  }

  /** Sends every pending delta; those the store still refuses stay pending. True when none is left. */
  public boolean flush() {
    for (RouteContext collection : pending.keySet()) {
      CounterDelta delta = pending.remove(collection);
      if (delta != null) {
        tryAdd(collection, delta);
      }
    }
    return pending.isEmpty();
  }

  public int pendingCollections() {
    return pending.size();
  }

  private void tryAdd(RouteContext collection, CounterDelta delta) {
    try {
      store.add(collection, delta);
    } catch (RuntimeException e) {
      pending.merge(collection, delta, CounterDelta::plus);
      LOG.log(Level.WARNING, "counters of {0} could not be updated ({1}); the change is kept in memory and retried",
          collection, e.getClass().getSimpleName());
    }
  }

  @Override
  public Totals getTotals(CounterQuery query) {
    Objects.requireNonNull(query, "query");
    flush();
    return store.totals(query);
  }

  @Override
  public void resetTotals(CounterQuery query) {
    Objects.requireNonNull(query, "query");
    pending.keySet().removeIf(query::covers);
    store.reset(query);
  }

  /** Totals of one collection, after sending what is pending. */
  public Totals collectionTotals(RouteContext collection) {
    flush();
    return store.totals(CounterQuery.of(collection.tenantId(), collection.dbName(), collection.collection()));
  }

  /** Adds a correction directly (recount); throws if the store refuses it. */
  public void correct(RouteContext collection, CounterDelta delta) {
    if (!delta.isZero()) {
      store.add(collection, delta);
    }
  }

  /** Shutdown: sends what is pending; what the store still refuses is logged as lost. */
  @Override
  public void close() {
    if (!flush()) {
      LOG.log(Level.WARNING, "counter changes of {0} collections could not be saved at shutdown; run"
          + " maintenance().recountTotals on them to rebuild live and the rule gauges", pending.size());
    }
  }
}
