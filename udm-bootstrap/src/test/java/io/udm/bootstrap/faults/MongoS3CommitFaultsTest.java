package io.udm.bootstrap.faults;

import io.udm.app.faults.CommitFaultsSuite;
import io.udm.app.faults.FaultFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The commit protocol under faults on the MongoDB and S3 adapters, against in-JVM servers. */
class MongoS3CommitFaultsTest extends CommitFaultsSuite {
  @RegisterExtension
  static final MongoS3FaultFixtures STORES = new MongoS3FaultFixtures();

  @Override
  protected FaultFixture newFixture() {
    return STORES.fixture();
  }
}
