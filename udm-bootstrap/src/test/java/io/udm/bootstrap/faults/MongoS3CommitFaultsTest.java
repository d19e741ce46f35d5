package io.udm.bootstrap.faults;

import io.udm.app.faults.CommitFaultsSuite;
import io.udm.app.faults.FaultFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The commit protocol under faults on the MongoDB and S3 adapters, against in-JVM servers. */
class MongoS3CommitFaultsTest extends CommitFaultsSuite {
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
