package io.udm.bootstrap.faults;

import io.udm.app.faults.FaultFixture;
import io.udm.app.faults.HardDeleteRaceSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hard-delete race on the real MongoDB and S3 adapters, against servers in this JVM: 200 rounds
 * in CI, more with {@code -Dudm.hardDeleteRace.rounds=N}.
 */
class MongoS3HardDeleteRaceTest extends HardDeleteRaceSuite {
  @RegisterExtension
  static final MongoS3FaultFixtures SERVERS = new MongoS3FaultFixtures();

  @Override
  protected FaultFixture newFixture() {
    return SERVERS.fixture();
  }

  @Override
  protected int defaultRounds() {
    return 200;
  }
}
