package io.udm.bootstrap.faults;

import io.udm.app.faults.ConcurrentChaosSuite;
import io.udm.app.faults.FaultFixture;
import io.udm.bootstrap.wiring.MongoS3Stores;
import io.udm.bootstrap.wiring.OnContainers;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Crashing writers and readers on real threads, on a MongoDB replica set and MinIO in Docker. Runs
 * with {@code -Dudm.containers=true}; skipped without Docker.
 */
@OnContainers
class ContainerConcurrentChaosTest extends ConcurrentChaosSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = MongoS3Stores.onContainers(1);

  @Override
  protected FaultFixture newFixture() {
    return STORES.faultFixture();
  }

  @Override
  protected int defaultOpsPerWriter() {
    return 20;
  }
}
