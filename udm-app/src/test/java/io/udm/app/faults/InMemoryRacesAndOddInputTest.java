package io.udm.app.faults;

/** Races and odd input on the in-memory adapters. */
class InMemoryRacesAndOddInputTest extends RacesAndOddInputSuite {
  @Override
  protected FaultFixture newFixture() {
    return MemoryFaultFixtures.fresh();
  }
}
