package io.udm.app;

/** Content races on the in-memory adapters. */
class InMemoryContentRacesTest extends ContentRacesSuite {
  InMemoryContentRacesTest() {
    super(new MemoryStores("m-0"));
  }
}
