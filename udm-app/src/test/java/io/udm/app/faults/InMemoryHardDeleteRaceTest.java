package io.udm.app.faults;

/** The hard-delete race on the in-memory adapters: 300 rounds in CI, more with {@code -Dudm.hardDeleteRace.rounds=N}. */
class InMemoryHardDeleteRaceTest extends HardDeleteRaceSuite {
  @Override
  protected FaultFixture newFixture() {
    return MemoryFaultFixtures.fresh();
  }

  @Override
  protected int defaultRounds() {
    return 300;
  }
}
