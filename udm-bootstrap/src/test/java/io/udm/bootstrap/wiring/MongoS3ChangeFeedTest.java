package io.udm.bootstrap.wiring;

import io.udm.app.ChangeFeedSuite;
import io.udm.app.Stress;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The change feed and diffs on the MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3ChangeFeedTest extends ChangeFeedSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(1);

  MongoS3ChangeFeedTest() {
    super(STORES);
  }

  /** The in-JVM server scans its collections (it ignores secondary indexes): 10,000 versions under stress. */
  @Override
  protected int versionsUnderLoad() {
    return Integer.getInteger("udm.feed.versions", Stress.on() ? 10_000 : 5_000);
  }
}
