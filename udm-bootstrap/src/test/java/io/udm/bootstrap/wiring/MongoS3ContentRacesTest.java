package io.udm.bootstrap.wiring;

import io.udm.app.ContentRacesSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Content races on the MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3ContentRacesTest extends ContentRacesSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = new MongoS3Stores(1);

  MongoS3ContentRacesTest() {
    super(STORES);
  }
}
