package io.udm.bootstrap.wiring;

import io.udm.app.CollectionSchemaSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Collection schemas on the MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3CollectionSchemaTest extends CollectionSchemaSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(1);

  MongoS3CollectionSchemaTest() {
    super(STORES);
  }
}
