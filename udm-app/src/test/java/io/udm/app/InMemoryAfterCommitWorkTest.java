package io.udm.app;

/** After-commit work (counters, dev shadows) through failures and crashes, on the in-memory adapters. */
class InMemoryAfterCommitWorkTest extends AfterCommitWorkSuite {
  InMemoryAfterCommitWorkTest() {
    super(new MemoryStores("m-0"));
  }
}
