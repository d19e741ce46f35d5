package io.udm.app;

import io.udm.api.CounterQuery;
import io.udm.api.CountersApi;
import io.udm.api.Totals;

/** Counters land with the counters feature; until then they say so. */
final class UnavailableCounters implements CountersApi {
  @Override
  public Totals getTotals(CounterQuery query) {
    throw NotYetAvailable.feature("counters().getTotals");
  }

  @Override
  public void resetTotals(CounterQuery query) {
    throw NotYetAvailable.feature("counters().resetTotals");
  }
}
