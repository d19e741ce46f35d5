package io.udm.api;

import java.util.Map;
import java.util.TreeMap;

/** Operation totals and rule gauges, summed over the collections a {@link CounterQuery} covers. */
public record Totals(
    long creates, long updates, long deletes, long enrichments, long restores, long live, Map<String, Long> rules) {
  public Totals {
    rules = Map.copyOf(rules);
  }

  public static Totals zero() {
    return new Totals(0, 0, 0, 0, 0, 0, Map.of());
  }

  public Totals plus(Totals other) {
    Map<String, Long> sum = new TreeMap<>(rules);
    other.rules.forEach((k, v) -> sum.merge(k, v, Long::sum));
    return new Totals(
        creates + other.creates, updates + other.updates, deletes + other.deletes,
        enrichments + other.enrichments, restores + other.restores, live + other.live, sum);
  }
}
