package io.udm.app;

/** Tenant isolation on the in-memory adapters. */
class InMemoryTenantIsolationTest extends TenantIsolationSuite {
  InMemoryTenantIsolationTest() {
    super(new MemoryStores("m-0"));
  }
}
