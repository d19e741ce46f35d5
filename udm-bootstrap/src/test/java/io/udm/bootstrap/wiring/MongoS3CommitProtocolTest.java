package io.udm.bootstrap.wiring;

import io.udm.app.CommitProtocolSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The commit protocol behind the API, on the MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3CommitProtocolTest extends CommitProtocolSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(2);

  MongoS3CommitProtocolTest() {
    super(STORES);
  }
}
