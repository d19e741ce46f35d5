package io.udm.app.counters;

import io.udm.api.CounterQuery;
import io.udm.api.CountersApi;
import io.udm.api.RouteContext;
import io.udm.api.Totals;
import io.udm.spi.CounterDelta;
import io.udm.spi.CounterStore;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * {@link CountersApi} over the counters store. Committed versions reach the counters as after-commit
 * work (see {@code io.udm.app.effects}); before answering, what this process still holds of that
 * work is sent, so a caller reads its own writes.
 */
public final class CountersService implements CountersApi {
  private static final System.Logger LOG = System.getLogger(CountersService.class.getName());

  private final CounterStore store;
  private final Runnable sendHeldWork;

  /** {@code sendHeldWork} sends the after-commit work this process holds (debounced or waiting for a retry). */
  public CountersService(CounterStore store, Runnable sendHeldWork) {
    this.store = Objects.requireNonNull(store, "store");
    this.sendHeldWork = Objects.requireNonNull(sendHeldWork, "sendHeldWork");
  }

  @Override
  public Totals getTotals(CounterQuery query) {
    Objects.requireNonNull(query, "query");
    sendHeldWork.run();
    return store.totals(query);
  }

  @Override
  public void resetTotals(CounterQuery query) {
    Objects.requireNonNull(query, "query");
    sendHeldWork.run();
    store.reset(query);
  }

  /** Totals of one collection, after sending what this process holds. */
  public Totals collectionTotals(RouteContext collection) {
    sendHeldWork.run();
    return store.totals(CounterQuery.of(collection.tenantId(), collection.dbName(), collection.collection()));
  }

  /** Adds a correction directly (recount); throws if the store refuses it. */
  public void correct(RouteContext collection, CounterDelta delta) {
    if (!delta.isZero()) {
      store.add(collection, delta);
    }
  }

  /**
   * Takes an item removed for good (hard delete) out of the gauges. Never throws: the item is gone
   * either way, and a refused correction is logged with the recount that repairs it.
   */
  public void remove(RouteContext collection, CounterDelta removal) {
    try {
      correct(collection, removal);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "counters of {0} could not take out a hard-deleted item ({1}); run"
          + " maintenance().recountTotals on the collection to rebuild live and the rule gauges", collection,
          e.getClass().getSimpleName());
    }
  }
}
