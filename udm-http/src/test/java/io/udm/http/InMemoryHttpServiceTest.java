package io.udm.http;

import io.udm.app.faults.FaultFixture;
import io.udm.app.faults.MemoryFaultFixtures;

/** The HTTP service on the in-memory stores. */
class InMemoryHttpServiceTest extends HttpServiceSuite {
  @Override
  protected FaultFixture newFixture() {
    return MemoryFaultFixtures.fresh();
  }
}
