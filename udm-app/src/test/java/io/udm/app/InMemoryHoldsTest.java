package io.udm.app;

/** Legal holds on the in-memory adapters. */
class InMemoryHoldsTest extends HoldsSuite {
  InMemoryHoldsTest() {
    super(new MemoryStores("m-0"));
  }
}
