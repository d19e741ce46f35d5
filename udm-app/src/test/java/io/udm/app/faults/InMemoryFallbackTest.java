package io.udm.app.faults;

/** The fallback queue on the in-memory adapters, failures injected by the fault decorators. */
class InMemoryFallbackTest extends FallbackSuite {
  @Override
  protected FaultFixture newFixture() {
    return MemoryFaultFixtures.fresh();
  }
}
