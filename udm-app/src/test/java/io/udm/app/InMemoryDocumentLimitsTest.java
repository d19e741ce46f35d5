package io.udm.app;

/** Pathological documents refused before any upload, on the in-memory adapters. */
class InMemoryDocumentLimitsTest extends DocumentLimitsSuite {
  InMemoryDocumentLimitsTest() {
    super(new MemoryStores("m-0"));
  }
}
