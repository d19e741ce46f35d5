package io.udm.bootstrap.metrics;

import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.config.UdmConfig;
import io.udm.app.MutableClock;
import io.udm.app.faults.FaultInjector;
import io.udm.bootstrap.Udms;
import io.udm.bootstrap.UdmsOverStores;
import io.udm.bootstrap.UdmsWithFaults;
import io.udm.bootstrap.wiring.PortDecorator;
import java.util.List;

/** Metrics on the in-memory wiring. */
class InMemoryMetricsTest extends MetricsSuite {
  @Override
  protected Udm newUdm(UdmConfig config, MutableClock clock, UdmOptions options) {
    return Udms.inMemory(config, clock, options);
  }

  @Override
  protected Udm newUdmWithFaults(UdmConfig config, MutableClock clock, UdmOptions options, FaultInjector faults) {
    return UdmsWithFaults.inMemory(config, clock, options, faults);
  }

  @Override
  protected Udm newUdmOverStores(UdmConfig config, MutableClock clock, UdmOptions options, PortDecorator stores) {
    return UdmsOverStores.inMemory(config, clock, options, stores);
  }

  @Override
  protected String objectStore() {
    return "memory";
  }

  @Override
  protected String databaseStore() {
    return "memory";
  }

  @Override
  protected boolean eachPortCallIsOneRequest() {
    return true;
  }

  /** The in-memory wiring has no credentials or endpoints. */
  @Override
  protected List<String> secretsAndAddresses() {
    return List.of();
  }
}
