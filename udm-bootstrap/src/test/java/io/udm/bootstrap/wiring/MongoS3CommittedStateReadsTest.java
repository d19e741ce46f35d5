package io.udm.bootstrap.wiring;

import io.udm.app.CommittedStateReadsSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How reads and writes learn an item's committed state, on the MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3CommittedStateReadsTest extends CommittedStateReadsSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(1);

  MongoS3CommittedStateReadsTest() {
    super(STORES);
  }
}
