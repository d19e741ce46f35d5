package io.udm.bootstrap.metrics;

import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.config.UdmConfig;
import io.udm.app.MutableClock;
import io.udm.app.faults.FaultInjector;
import io.udm.bootstrap.Udms;
import io.udm.bootstrap.UdmsWithFaults;

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
  protected String objectStore() {
    return "memory";
  }
}
