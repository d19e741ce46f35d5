package io.udm.app;

import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;

/** The public API behaviour on the in-memory adapters, wired by hand. */
class InMemoryUdmServiceTest extends UdmBehaviourSuite {
  @Override
  protected Udm newUdm(UdmConfig config, MutableClock clock) {
    return new UdmService(config, MemoryPorts.withBackends("m-0", "m-1", "m-2"), clock, MemoryPorts.sequentialIds());
  }
}
