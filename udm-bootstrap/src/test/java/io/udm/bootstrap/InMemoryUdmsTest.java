package io.udm.bootstrap;

import io.udm.adapter.memory.InMemoryBlobAdapter;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.app.MutableClock;
import io.udm.app.UdmBehaviourSuite;
import java.net.URI;

/** The public API behaviour through the production factory {@link Udms#inMemory}, wired by Dagger. */
class InMemoryUdmsTest extends UdmBehaviourSuite {
  @Override
  protected Udm newUdm(UdmConfig config, MutableClock clock) {
    return Udms.inMemory(config, clock);
  }

  @Override
  protected byte[] fetchPresigned(URI url) {
    return InMemoryBlobAdapter.fetch(url).orElseThrow(() -> new IllegalStateException("no object at " + url));
  }
}
