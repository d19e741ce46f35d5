package io.udm.app;

/** The commit protocol behind the API, on the in-memory adapters. */
class InMemoryCommitProtocolTest extends CommitProtocolSuite {
  InMemoryCommitProtocolTest() {
    super(new MemoryStores("m-0", "m-1"));
  }
}
