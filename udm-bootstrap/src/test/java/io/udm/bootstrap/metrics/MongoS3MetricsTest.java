package io.udm.bootstrap.metrics;

import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.config.SpacesConn;
import io.udm.api.config.UdmConfig;
import io.udm.app.MutableClock;
import io.udm.app.faults.FaultInjector;
import io.udm.bootstrap.ConnectOptions;
import io.udm.bootstrap.Udms;
import io.udm.bootstrap.UdmsOverStores;
import io.udm.bootstrap.UdmsWithFaults;
import io.udm.bootstrap.wiring.PortDecorator;
import io.udm.embedded.EmbeddedServers;
import java.util.List;
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
    return Udms.create(connected(config), connect(clock), options);
  }

  @Override
  protected Udm newUdmWithFaults(UdmConfig config, MutableClock clock, UdmOptions options, FaultInjector faults) {
    return UdmsWithFaults.create(connected(config), connect(clock), options, faults);
  }

  private static UdmConfig connected(UdmConfig config) {
    return servers.configFor(config, "metrics-" + UUID.randomUUID().toString().substring(0, 8));
  }

  private static ConnectOptions connect(MutableClock clock) {
    return ConnectOptions.defaults().withCreateBucketsIfMissing(true).withClock(clock);
  }

  @Override
  protected Udm newUdmOverStores(UdmConfig config, MutableClock clock, UdmOptions options, PortDecorator stores) {
    return UdmsOverStores.create(connected(config), connect(clock), options, stores);
  }

  @Override
  protected String objectStore() {
    return "s3";
  }

  @Override
  protected String databaseStore() {
    return "mongo";
  }

  /** Port calls send as many requests as they need: none (a presigned URL), one, or several. */
  @Override
  protected boolean eachPortCallIsOneRequest() {
    return false;
  }

  @Override
  protected List<String> secretsAndAddresses() {
    SpacesConn s3 = servers.spacesConn(0, "any");
    return List.of(s3.accessKey(), s3.secretKey(), servers.mongoUri(0), servers.mongoUri(0).replace("mongodb://", ""),
        s3.endpoint(), s3.endpoint().replace("http://", ""));
  }
}
