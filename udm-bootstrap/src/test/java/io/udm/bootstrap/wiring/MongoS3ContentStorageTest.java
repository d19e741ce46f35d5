package io.udm.bootstrap.wiring;

import io.udm.app.ContentStorageSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How content reaches the store, on the MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3ContentStorageTest extends ContentStorageSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(1);

  MongoS3ContentStorageTest() {
    super(STORES);
  }
}
