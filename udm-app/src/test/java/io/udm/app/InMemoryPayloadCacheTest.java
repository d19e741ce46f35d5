package io.udm.app;

/** The payload cache on the in-memory adapters. */
class InMemoryPayloadCacheTest extends PayloadCacheSuite {
  InMemoryPayloadCacheTest() {
    super(new MemoryStores("m-0"));
  }
}
