package io.udm.bootstrap;

import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.app.MutableClock;
import io.udm.app.UdmBehaviourSuite;

/** The public API behaviour through the production factory {@link Udms#inMemory}, wired by Dagger. */
class InMemoryUdmsTest extends UdmBehaviourSuite {
  @Override
  protected Udm newUdm(UdmConfig config, MutableClock clock) {
    return Udms.inMemory(config, clock);
  }
}
