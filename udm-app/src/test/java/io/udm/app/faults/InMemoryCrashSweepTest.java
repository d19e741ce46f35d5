package io.udm.app.faults;

/** The crash-point sweep on the in-memory adapters (CI count; {@code -Dudm.sweep.runs=1000} for the full one). */
class InMemoryCrashSweepTest extends CrashSweepSuite {
  @Override
  protected FaultFixture fixtureForRun() {
    return MemoryFaultFixtures.fresh();
  }

  @Override
  protected int defaultRuns() {
    return 500;
  }
}
