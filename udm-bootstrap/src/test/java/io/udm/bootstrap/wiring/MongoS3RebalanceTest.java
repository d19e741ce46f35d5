package io.udm.bootstrap.wiring;

import io.udm.app.RebalanceSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Online rebalance on three MongoDB + S3 pairs, servers in this JVM. */
class MongoS3RebalanceTest extends RebalanceSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(3);

  MongoS3RebalanceTest() {
    super(STORES, 12);
  }
}
