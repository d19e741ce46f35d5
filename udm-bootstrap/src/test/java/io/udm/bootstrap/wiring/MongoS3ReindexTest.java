package io.udm.bootstrap.wiring;

import io.udm.app.ReindexSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Re-indexing on the MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3ReindexTest extends ReindexSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(1);

  MongoS3ReindexTest() {
    super(STORES);
  }
}
