package io.udm.bootstrap.wiring;

import io.udm.api.config.UdmConfig;
import io.udm.app.MaintenanceBoundsSuite;
import io.udm.app.MutableClock;
import io.udm.app.StoragePorts;
import io.udm.embedded.EmbeddedServers;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The maintenance bounds on the real MongoDB and S3 adapters, against servers in this JVM. */
class MongoS3MaintenanceBoundsTest extends MaintenanceBoundsSuite {
  private static EmbeddedServers servers;

  @BeforeAll
  static void startServers() {
    servers = EmbeddedServers.transientPairs(1);
  }

  @AfterAll
  static void stopServers() {
    servers.close();
  }

  @Override
  protected StoragePorts openPorts(UdmConfig config, MutableClock clock) {
    UdmConfig connected = servers.configFor(config, "bounds-" + UUID.randomUUID().toString().substring(0, 8));
    return ProductionStorage.open(connected, true, Duration.ofSeconds(10));
  }
}
