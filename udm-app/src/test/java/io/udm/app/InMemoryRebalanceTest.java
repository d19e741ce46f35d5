package io.udm.app;

/** Online rebalance on three in-memory backend pairs. */
class InMemoryRebalanceTest extends RebalanceSuite {
  InMemoryRebalanceTest() {
    super(new MemoryStores("m-0", "m-1", "m-2"), 24);
  }
}
