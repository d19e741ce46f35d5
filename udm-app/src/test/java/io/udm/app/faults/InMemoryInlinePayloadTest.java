package io.udm.app.faults;

/** Inline payloads on the in-memory adapters. */
class InMemoryInlinePayloadTest extends InlinePayloadSuite {
  @Override
  protected FaultFixture newFixture() {
    return MemoryFaultFixtures.fresh();
  }
}
