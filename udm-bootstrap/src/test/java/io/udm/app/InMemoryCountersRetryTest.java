package io.udm.app;

/** Counters through a failing store, on the in-memory adapters. */
class InMemoryCountersRetryTest extends CountersRetrySuite {
  InMemoryCountersRetryTest() {
    super(new MemoryStores("m-0"));
  }
}
