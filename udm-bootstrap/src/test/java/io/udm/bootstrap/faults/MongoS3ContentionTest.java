package io.udm.bootstrap.faults;

import io.udm.app.faults.ContentionSuite;
import io.udm.app.faults.FaultFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * 16 writers x 500 compare-and-set updates on one item, on the MongoDB and S3 adapters: the full
 * count, in CI too (about 100 s on an idle 2-core machine; fewer with {@code -Dudm.contention.updates=N}).
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
    return 500;
  }

  @Override
  protected FaultFixture newFixture() {
    return stores.fixture();
  }
}
