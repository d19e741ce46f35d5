package io.udm.app;

/** Dev shadows on the in-memory adapters. */
class InMemoryDevShadowTest extends DevShadowSuite {
  InMemoryDevShadowTest() {
    super(new MemoryStores("m-0"));
  }
}
