package io.udm.api;

/** Per-collection operation totals and rule gauges. */
public interface CountersApi {
  Totals getTotals(CounterQuery query);

  void resetTotals(CounterQuery query);
}
