package io.udm.bootstrap.wiring;

import io.udm.app.DocumentLimitsSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pathological documents refused before any upload, on the MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3DocumentLimitsTest extends DocumentLimitsSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(1);

  MongoS3DocumentLimitsTest() {
    super(STORES);
  }
}
