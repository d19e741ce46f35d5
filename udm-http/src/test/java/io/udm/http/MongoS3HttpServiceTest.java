package io.udm.http;

import io.udm.app.faults.FaultFixture;
import io.udm.bootstrap.faults.MongoS3FaultFixtures;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP service on the MongoDB and S3 adapters against in-JVM servers (one pair per class, a tenant per test). */
class MongoS3HttpServiceTest extends HttpServiceSuite {
  @RegisterExtension
  static final MongoS3FaultFixtures STORES = new MongoS3FaultFixtures();

  @Override
  protected FaultFixture newFixture() {
    return STORES.fixture();
  }
}
