package io.udm.bootstrap.faults;

import io.udm.app.faults.FaultFixture;
import io.udm.app.faults.RacesAndOddInputSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Races and odd input on the MongoDB and S3 adapters, against in-JVM servers. */
class MongoS3RacesAndOddInputTest extends RacesAndOddInputSuite {
  @RegisterExtension
  static final MongoS3FaultFixtures STORES = new MongoS3FaultFixtures();

  @Override
  protected FaultFixture newFixture() {
    return STORES.fixture();
  }
}
