package io.udm.bootstrap.faults;

import io.udm.app.faults.CrashSweepSuite;
import io.udm.app.faults.FaultFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The crash-point sweep on the MongoDB and S3 adapters (CI count; {@code -Dudm.sweep.runs=1000} for the full one). */
class MongoS3CrashSweepTest extends CrashSweepSuite {
  @RegisterExtension
  static final MongoS3FaultFixtures STORES = new MongoS3FaultFixtures();
  private static FaultFixture fixture;

  @BeforeAll
  static void start() {
    fixture = STORES.fixture();
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
