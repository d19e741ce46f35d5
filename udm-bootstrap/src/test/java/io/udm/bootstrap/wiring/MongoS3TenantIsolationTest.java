package io.udm.bootstrap.wiring;

import io.udm.app.TenantIsolationSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tenant isolation on the MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3TenantIsolationTest extends TenantIsolationSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(1);

  MongoS3TenantIsolationTest() {
    super(STORES);
  }
}
