package io.udm.app.faults;

/** The commit protocol under faults on the in-memory adapters. */
class InMemoryCommitFaultsTest extends CommitFaultsSuite {
  @Override
  protected FaultFixture newFixture() {
    return MemoryFaultFixtures.fresh();
  }
}
