package io.udm.app.faults;

/** 16 writers x 500 compare-and-set updates on one item, in memory. */
class InMemoryContentionTest extends ContentionSuite {
  @Override
  protected FaultFixture newFixture() {
    return MemoryFaultFixtures.fresh();
  }
}
