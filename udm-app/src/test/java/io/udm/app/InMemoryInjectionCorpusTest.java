package io.udm.app;

/** Hostile input refused before any port call, on the in-memory adapters. */
class InMemoryInjectionCorpusTest extends InjectionCorpusSuite {
  InMemoryInjectionCorpusTest() {
    super(new MemoryStores("m-0"));
  }
}
