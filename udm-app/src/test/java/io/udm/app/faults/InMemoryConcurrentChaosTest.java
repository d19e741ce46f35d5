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
    // 84.7% over 50 rounds of 1,200 writes on spread seeds (2026-12-07).
    return 0.84;
  }

  @Override
  protected int stressRounds() {
    return 50;
  }
}
