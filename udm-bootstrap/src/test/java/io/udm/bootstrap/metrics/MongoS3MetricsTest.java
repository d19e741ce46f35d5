package io.udm.bootstrap.metrics;

import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.config.UdmConfig;
import io.udm.app.MutableClock;
import io.udm.bootstrap.ConnectOptions;
import io.udm.bootstrap.Udms;
import io.udm.embedded.EmbeddedServers;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Metrics on MongoDB + S3, against servers in this JVM over real sockets. */
class MongoS3MetricsTest extends MetricsSuite {
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
  protected Udm newUdm(UdmConfig config, MutableClock clock, UdmOptions options) {
    UdmConfig connected = servers.configFor(config, "metrics-" + UUID.randomUUID().toString().substring(0, 8));
    return Udms.create(connected, ConnectOptions.defaults().withCreateBucketsIfMissing(true).withClock(clock), options);
  }

  @Override
  protected String objectStore() {
    return "s3";
  }
}
