package io.udm.bootstrap.faults;

import io.udm.app.faults.ContentionSuite;
import io.udm.app.faults.FaultFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * 16 writers x compare-and-set updates on one item, on the MongoDB and S3 adapters. The in-JVM
 * servers take about 0.1 s per contended attempt on a 2-core machine, so CI runs 16 x 30; the full
 * 16 x 500 (about 15 minutes there) is {@code -Dudm.contention.updates=500}.
 */
class MongoS3ContentionTest extends ContentionSuite {
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
  protected int defaultUpdatesPerWriter() {
    return 30;
  }

  @Override
  protected FaultFixture newFixture() {
    return stores.fixture();
  }
}
