package io.udm.bootstrap.wiring;

import io.udm.api.config.UdmConfig;
import io.udm.app.HistoryStorageSuite;
import io.udm.app.MutableClock;
import io.udm.app.StoragePorts;
import io.udm.embedded.EmbeddedServers;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The storage-level history checks (hard delete and retention leave nothing behind; a crashed
 * collection restore resumes to the same end state) on the real MongoDB and S3 adapters, against
 * servers in this JVM.
 */
class MongoS3HistoryStorageTest extends HistoryStorageSuite {
  private static EmbeddedServers servers;

  @BeforeAll
  static void startServers() {
    servers = EmbeddedServers.transientPairs(2);
  }

  @AfterAll
  static void stopServers() {
    servers.close();
  }

  @Override
  protected StoragePorts openPorts(UdmConfig config, MutableClock clock) {
    UdmConfig connected = servers.configFor(config, "hist-" + UUID.randomUUID().toString().substring(0, 8));
    return ProductionStorage.open(connected, true, Duration.ofSeconds(10));
  }
}
