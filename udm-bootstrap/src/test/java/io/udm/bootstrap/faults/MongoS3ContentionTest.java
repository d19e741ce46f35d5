package io.udm.bootstrap.faults;

import io.udm.app.faults.ContentionSuite;
import io.udm.app.faults.FaultFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 16 writers x 500 compare-and-set updates on one item, on the MongoDB and S3 adapters: the full
 * count, in CI too (about 100 s on an idle 2-core machine; fewer with {@code -Dudm.contention.updates=N}).
 */
class MongoS3ContentionTest extends ContentionSuite {
  @RegisterExtension
  static final MongoS3FaultFixtures STORES = new MongoS3FaultFixtures();

  @Override
  protected int defaultUpdatesPerWriter() {
    return 500;
  }

  @Override
  protected FaultFixture newFixture() {
    return STORES.fixture();
  }
}
