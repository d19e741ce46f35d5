package io.udm.app;

import io.udm.app.faults.FaultFixture;
import io.udm.app.faults.MemoryFaultFixtures;

/** Null arguments on the in-memory adapters. */
class InMemoryNullArgumentsTest extends NullArgumentsSuite {
  @Override
  protected FaultFixture newFixture() {
    return MemoryFaultFixtures.fresh();
  }
}
