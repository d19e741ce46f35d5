package io.udm.api;

import java.util.List;

/**
 * The moves a rebalance would make now: every collection placed on a pair other than its owner
 * among the pairs that take collections (not draining), including moves a crashed run left
 * unfinished.
 */
public record RebalancePlan(List<CollectionMove> moves) {
  public RebalancePlan {
    moves = List.copyOf(moves);
  }
}
