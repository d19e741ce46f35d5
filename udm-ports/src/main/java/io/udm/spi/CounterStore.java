package io.udm.spi;

import io.udm.api.CounterQuery;
import io.udm.api.RouteContext;
import io.udm.api.Totals;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Per-collection counters on the counters store; additions are atomic. */
public interface CounterStore {
  void add(RouteContext collection, CounterDelta delta);

  /**
   * Adds {@code delta} (the sum of the given versions' deltas) unless one of those versions was
   * added before and is still remembered; then nothing is added and the answer is false. Atomic:
   * the check, the addition and remembering the versions are one step. {@code forget} names write
   * ids remembered earlier that no version owes any more; they are forgotten in the same step.
   */
  boolean addOnce(RouteContext collection, CounterDelta delta, List<AppliedEffect> effects, Collection<String> forget);

  /** Forgets remembered write ids of the collection (their versions owe nothing any more). */
  void forget(RouteContext collection, Collection<String> writeIds);

  /** Remembered effects applied before {@code appliedBefore}, at most {@code limit}, any collection. */
  List<AppliedEffect> remembered(Instant appliedBefore, int limit);

  /** Sum over every collection the query covers; zeros when none. */
  Totals totals(CounterQuery query);

  /** Zeroes every collection the query covers. */
  void reset(CounterQuery query);
}
