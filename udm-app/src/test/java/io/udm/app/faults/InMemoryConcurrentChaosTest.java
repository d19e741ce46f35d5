package io.udm.app.faults;

/** Crashing writers and readers on real threads, in memory. */
class InMemoryConcurrentChaosTest extends ConcurrentChaosSuite {
  @Override
  protected FaultFixture newFixture() {
    return MemoryFaultFixtures.fresh();
  }

  @Override
  protected int defaultOpsPerWriter() {
    return 300;
  }

  @Override
  protected double acknowledgedShare() {
    return 0.85;
  }

  @Override
  protected int stressRounds() {
    return 50;
  }
}
