package io.udm.bootstrap.wiring;

import io.udm.app.DevShadowSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dev shadows on the MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3DevShadowTest extends DevShadowSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(1);

  MongoS3DevShadowTest() {
    super(STORES);
  }
}
