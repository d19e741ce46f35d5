package io.udm.spi;

import java.util.Map;
import java.util.TreeMap;

/** Changes to a collection's counters caused by one or more operations. */
public record CounterDelta(
    long creates, long updates, long deletes, long enrichments, long restores, long live, Map<String, Long> rules) {
  public CounterDelta {
    rules = Map.copyOf(rules);
  }

  public static final CounterDelta ZERO = new CounterDelta(0, 0, 0, 0, 0, 0, Map.of());

  public CounterDelta plus(CounterDelta other) {
    Map<String, Long> sum = new TreeMap<>(rules);
    other.rules.forEach((k, v) -> sum.merge(k, v, Long::sum));
    return new CounterDelta(
        creates + other.creates, updates + other.updates, deletes + other.deletes,
        enrichments + other.enrichments, restores + other.restores, live + other.live, sum);
  }

  public boolean isZero() {
    return creates == 0 && updates == 0 && deletes == 0 && enrichments == 0 && restores == 0 && live == 0
        && rules.values().stream().allMatch(v -> v == 0);
  }
}
