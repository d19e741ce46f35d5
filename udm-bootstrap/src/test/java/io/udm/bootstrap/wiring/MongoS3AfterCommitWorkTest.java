package io.udm.bootstrap.wiring;

import io.udm.app.AfterCommitWorkSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** After-commit work (counters, dev shadows) through failures and crashes, on the MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3AfterCommitWorkTest extends AfterCommitWorkSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(1);

  MongoS3AfterCommitWorkTest() {
    super(STORES);
  }
}
