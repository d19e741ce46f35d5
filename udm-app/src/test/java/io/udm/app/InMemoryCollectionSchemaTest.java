package io.udm.app;

/** Collection schemas on the in-memory adapters. */
class InMemoryCollectionSchemaTest extends CollectionSchemaSuite {
  InMemoryCollectionSchemaTest() {
    super(new MemoryStores("m-0"));
  }
}
