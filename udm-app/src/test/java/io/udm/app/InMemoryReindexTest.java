package io.udm.app;

/** Re-indexing on the in-memory adapters. */
class InMemoryReindexTest extends ReindexSuite {
  InMemoryReindexTest() {
    super(new MemoryStores("m-0"));
  }
}
