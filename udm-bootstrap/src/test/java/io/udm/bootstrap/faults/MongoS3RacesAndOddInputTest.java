package io.udm.bootstrap.faults;

import io.udm.app.faults.FaultFixture;
import io.udm.app.faults.RacesAndOddInputSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Races and odd input on the MongoDB and S3 adapters, against in-JVM servers. */
class MongoS3RacesAndOddInputTest extends RacesAndOddInputSuite {
  private static MongoS3FaultFixtures stores;

  @BeforeAll
  static void start() {
    stores = new MongoS3FaultFixtures();
  }

  @AfterAll
  static void stop() {
    stores.close();
  }

  @Override
  protected FaultFixture newFixture() {
    return stores.fixture();
  }
}
