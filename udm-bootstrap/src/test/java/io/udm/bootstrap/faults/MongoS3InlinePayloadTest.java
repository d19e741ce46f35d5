package io.udm.bootstrap.faults;

import io.udm.app.faults.FaultFixture;
import io.udm.app.faults.InlinePayloadSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Inline payloads on the MongoDB and S3 adapters, against in-JVM servers. */
class MongoS3InlinePayloadTest extends InlinePayloadSuite {
  @RegisterExtension
  static final MongoS3FaultFixtures STORES = new MongoS3FaultFixtures();

  @Override
  protected FaultFixture newFixture() {
    return STORES.fixture();
  }
}
