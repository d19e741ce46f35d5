package io.udm.bootstrap.faults;

import io.udm.app.faults.CrashSweepSuite;
import io.udm.app.faults.FaultFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The crash-point sweep on the MongoDB and S3 adapters (CI count; {@code -Dudm.sweep.runs=1000} for the full one). */
class MongoS3CrashSweepTest extends CrashSweepSuite {
  private static MongoS3FaultFixtures stores;
  private static FaultFixture fixture;

  @BeforeAll
  static void start() {
    stores = new MongoS3FaultFixtures();
    fixture = stores.fixture();
  }

  @AfterAll
  static void stop() {
    stores.close();
  }

  @Override
  protected FaultFixture fixtureForRun() {
    return fixture;
  }

  @Override
  protected int defaultRuns() {
    return 25;
  }
}
