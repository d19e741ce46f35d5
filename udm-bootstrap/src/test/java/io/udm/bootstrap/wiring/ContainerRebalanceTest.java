package io.udm.bootstrap.wiring;

import io.udm.app.RebalanceSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Online rebalance (with an append or head move held in a TCP relay past a move) on three MongoDB
 * replica sets and MinIO in Docker. Runs with {@code -Dudm.containers=true}; skipped without Docker.
 */
@OnContainers
class ContainerRebalanceTest extends RebalanceSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = MongoS3Stores.onContainers(3);

  ContainerRebalanceTest() {
    super(STORES, 12);
  }
}
