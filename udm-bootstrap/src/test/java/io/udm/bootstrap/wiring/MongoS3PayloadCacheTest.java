package io.udm.bootstrap.wiring;

import io.udm.app.PayloadCacheSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The payload cache on the MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3PayloadCacheTest extends PayloadCacheSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(1);

  MongoS3PayloadCacheTest() {
    super(STORES);
  }
}
