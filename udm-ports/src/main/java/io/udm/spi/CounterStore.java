package io.udm.spi;

import io.udm.api.CounterQuery;
import io.udm.api.RouteContext;
import io.udm.api.Totals;

/** Per-collection counters on the counters store; additions are atomic. */
public interface CounterStore {
  void add(RouteContext collection, CounterDelta delta);

  /** Sum over every collection the query covers; zeros when none. */
  Totals totals(CounterQuery query);

  /** Zeroes every collection the query covers. */
  void reset(CounterQuery query);
}
