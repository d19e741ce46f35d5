package io.udm.bootstrap.wiring;

import io.udm.app.InjectionCorpusSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hostile input refused before any port call, on the MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3InjectionCorpusTest extends InjectionCorpusSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(1);

  MongoS3InjectionCorpusTest() {
    super(STORES);
  }
}
