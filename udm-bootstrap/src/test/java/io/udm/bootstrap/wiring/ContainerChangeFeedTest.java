package io.udm.bootstrap.wiring;

import io.udm.app.ChangeFeedSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The change feed (its load test, and an append held in a TCP relay past the writer's timeouts) on
 * a MongoDB replica set and MinIO in Docker. Runs with {@code -Dudm.containers=true}; skipped
 * without Docker.
 */
@OnContainers
class ContainerChangeFeedTest extends ChangeFeedSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = MongoS3Stores.onContainers(1);

  ContainerChangeFeedTest() {
    super(STORES);
  }
}
