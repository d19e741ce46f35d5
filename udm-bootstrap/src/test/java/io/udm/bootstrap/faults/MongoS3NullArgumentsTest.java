package io.udm.bootstrap.faults;

import io.udm.app.NullArgumentsSuite;
import io.udm.app.faults.FaultFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Null arguments on the MongoDB and S3 adapters, against in-JVM servers. */
class MongoS3NullArgumentsTest extends NullArgumentsSuite {
  @RegisterExtension
  static final MongoS3FaultFixtures STORES = new MongoS3FaultFixtures();

  @Override
  protected FaultFixture newFixture() {
    return STORES.fixture();
  }
}
