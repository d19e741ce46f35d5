package io.udm.bootstrap.faults;

import io.udm.app.faults.CrashSweepSuite;
import io.udm.app.faults.FaultFixture;
import io.udm.bootstrap.wiring.MongoS3Stores;
import io.udm.bootstrap.wiring.OnContainers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The crash-point sweep on a MongoDB replica set and MinIO in Docker (CI count; {@code
 * -Dudm.sweep.runs=N} for more). Runs with {@code -Dudm.containers=true}; skipped without Docker.
 */
@OnContainers
class ContainerCrashSweepTest extends CrashSweepSuite {
  @RegisterExtension
  static final MongoS3Stores STORES = MongoS3Stores.onContainers(1);
  private static FaultFixture fixture;

  @BeforeAll
  static void openFixture() {
    fixture = STORES.faultFixture();
  }

  @Override
  protected FaultFixture fixtureForRun() {
    return fixture;
  }

  @Override
  protected int defaultRuns() {
    return 25;
  }
}
