package io.udm.bootstrap.wiring;

import io.udm.app.HoldsSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Legal holds on the MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3HoldsTest extends HoldsSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(1);

  MongoS3HoldsTest() {
    super(STORES);
  }
}
