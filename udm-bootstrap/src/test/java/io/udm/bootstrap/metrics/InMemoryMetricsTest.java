package io.udm.bootstrap.metrics;

import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.config.UdmConfig;
import io.udm.app.MutableClock;
import io.udm.bootstrap.Udms;

/** Metrics on the in-memory wiring. */
class InMemoryMetricsTest extends MetricsSuite {
  @Override
  protected Udm newUdm(UdmConfig config, MutableClock clock, UdmOptions options) {
    return Udms.inMemory(config, clock, options);
  }

  @Override
  protected String objectStore() {
    return "memory";
  }
}
