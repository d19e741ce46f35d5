package io.udm.app;

/** The change feed and diffs on the in-memory adapters. */
class InMemoryChangeFeedTest extends ChangeFeedSuite {
  InMemoryChangeFeedTest() {
    super(new MemoryStores("m-0"));
  }
}
