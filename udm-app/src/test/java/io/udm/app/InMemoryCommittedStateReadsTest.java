package io.udm.app;

/** How reads and writes learn an item's committed state, on the in-memory adapters. */
class InMemoryCommittedStateReadsTest extends CommittedStateReadsSuite {
  InMemoryCommittedStateReadsTest() {
    super(new MemoryStores("m-0"));
  }
}
