package io.udm.bootstrap.wiring;

import io.udm.app.CountersRetrySuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Counters through a failing store, on the MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3CountersRetryTest extends CountersRetrySuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(1);

  MongoS3CountersRetryTest() {
    super(STORES);
  }
}
