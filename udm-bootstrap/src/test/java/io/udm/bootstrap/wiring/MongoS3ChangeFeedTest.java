package io.udm.bootstrap.wiring;

import io.udm.app.ChangeFeedSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The change feed and diffs on the MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3ChangeFeedTest extends ChangeFeedSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(1);

  MongoS3ChangeFeedTest() {
    super(STORES);
  }
}
