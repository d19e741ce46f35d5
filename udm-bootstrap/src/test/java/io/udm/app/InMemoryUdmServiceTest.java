package io.udm.app;

import io.udm.adapter.memory.InMemoryBlobAdapter;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import java.net.URI;

/** The public API behaviour on the in-memory adapters, wired by hand. */
class InMemoryUdmServiceTest extends UdmBehaviourSuite {
  @Override
  protected Udm newUdm(UdmConfig config, MutableClock clock) {
    return TestUdms.open(config, MemoryPorts.withBackends("m-0", "m-1", "m-2"), clock, MemoryPorts.sequentialIds());
  }

  @Override
  protected byte[] fetchPresigned(URI url) {
    return InMemoryBlobAdapter.fetch(url).orElseThrow(() -> new IllegalStateException("no object at " + url));
  }
}
