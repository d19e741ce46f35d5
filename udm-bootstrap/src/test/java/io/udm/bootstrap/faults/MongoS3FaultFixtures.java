package io.udm.bootstrap.faults;

import io.udm.adapter.mongo.MongoCountersStorage;
import io.udm.adapter.mongo.MongoSettings;
import io.udm.adapter.mongo.MongoStorage;
import io.udm.adapter.s3.S3Settings;
import io.udm.adapter.s3.S3Storage;
import io.udm.api.config.UdmConfig;
import io.udm.app.StoragePorts;
import io.udm.app.faults.FaultFixture;
import io.udm.embedded.EmbeddedServers;
import io.udm.spi.BackendPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real MongoDB and S3 adapters on one in-JVM server pair, opened by hand (as production wiring
 * does) so the fault decorators can sit between UDM and them. Tests isolate by tenant.
 */
public final class MongoS3FaultFixtures implements BeforeAllCallback, AfterAllCallback {
  private final List<AutoCloseable> opened = new ArrayList<>();
  private EmbeddedServers servers;
  private StoragePorts ports;

  /** Starts the servers once for the test class that registers this extension. */
  @Override
  public void beforeAll(ExtensionContext context) {
    servers = EmbeddedServers.transientPairs(1);
    MongoSettings mongoSettings = MongoSettings.builder().build();
    MongoStorage mongo = MongoStorage.open(servers.mongoUri(0), mongoSettings);
    opened.add(mongo);
    S3Storage s3 = S3Storage.open(servers.spacesConn(0, "faults-" + UUID.randomUUID().toString().substring(0, 8)),
        S3Settings.builder().createBucketsIfMissing(true).build());
    opened.add(s3);
    MongoCountersStorage counters = MongoCountersStorage.open(servers.mongoUri(0),
        mongoSettings.toBuilder().databaseName("udm_counters").build(), "udm_fallback_dead");
    opened.add(counters);
    BackendPorts backend = new BackendPorts(0, "mongo-s3-0", mongo.heads(), mongo.versions(), mongo.outbox(),
        mongo.requestMemos(), mongo.sequences(),
        s3.blobs(), mongo.health(), s3.health(), mongo.endpoint(), s3.endpoint());
    ports = new StoragePorts(List.of(backend), counters.counters(), counters.placements(), counters.indexStates(), counters.holds(), counters.retryQueue(),
        counters.health(), List.of());
  }

  /** A fixture on the shared servers; its clock starts at real time, as the object store stamps real time. */
  public FaultFixture fixture() {
    return new FaultFixture(ports, FaultFixture.realTimeClock(), UdmConfig.builder().build());
  }

  /** The S3 server goes down (connections refused); its objects stay. */
  void stopObjectStore() {
    servers.stopObjectStore(0);
  }

  /** The S3 server comes back on the same port. */
  void restartObjectStore() {
    servers.restartObjectStore(0);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        // closing test resources is best effort
      }
    }
    servers.close();
  }
}
