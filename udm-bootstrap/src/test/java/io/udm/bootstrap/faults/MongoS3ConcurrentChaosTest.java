package io.udm.bootstrap.faults;

import io.udm.app.faults.ConcurrentChaosSuite;
import io.udm.app.faults.FaultFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Crashing writers and readers on real threads, on the MongoDB and S3 adapters (in-JVM servers). */
class MongoS3ConcurrentChaosTest extends ConcurrentChaosSuite {
  @RegisterExtension
  static final MongoS3FaultFixtures STORES = new MongoS3FaultFixtures();

  @Override
  protected FaultFixture newFixture() {
    return STORES.fixture();
  }

  @Override
  protected int defaultOpsPerWriter() {
    return 20;
  }
}
