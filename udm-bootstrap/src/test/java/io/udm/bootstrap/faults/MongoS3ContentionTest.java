package io.udm.bootstrap.faults;

import io.udm.app.faults.ContentionSuite;
import io.udm.app.faults.FaultFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * 16 writers x compare-and-set updates on one item, on the MongoDB and S3 adapters. The in-JVM
 * servers take 15 to 100 ms per contended attempt on a shared 2-core machine, so CI runs 16 x 50;
 * the full 16 x 500 (about 100 s on an idle 2-core machine) is {@code -Dudm.contention.updates=500}.
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
    return 50;
  }

  @Override
  protected FaultFixture newFixture() {
    return stores.fixture();
  }
}
