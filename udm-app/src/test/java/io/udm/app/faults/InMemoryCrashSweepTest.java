package io.udm.app.faults;

/** The crash-point sweep on the in-memory adapters: 1,000 runs in CI (about 20 s on 2 cores); more with {@code -Dudm.sweep.runs=N}. */
class InMemoryCrashSweepTest extends CrashSweepSuite {
  @Override
  protected FaultFixture fixtureForRun() {
    return MemoryFaultFixtures.fresh();
  }

  @Override
  protected int defaultRuns() {
    return 1000;
  }
}
