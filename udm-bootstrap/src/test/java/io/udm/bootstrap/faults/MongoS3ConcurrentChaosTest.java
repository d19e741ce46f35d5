package io.udm.bootstrap.faults;

import io.udm.app.faults.ConcurrentChaosSuite;
import io.udm.app.faults.FaultFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Crashing writers and readers on real threads, on the MongoDB and S3 adapters (in-JVM servers). */
class MongoS3ConcurrentChaosTest extends ConcurrentChaosSuite {
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

  @Override
  protected int defaultOpsPerWriter() {
    return 20;
  }
}
