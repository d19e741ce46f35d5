package io.udm.bootstrap;

import io.udm.adapter.memory.InMemoryBlobAdapter;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.app.MutableClock;
import io.udm.app.UdmBehaviourSuite;
import io.udm.spi.BlobStore;
import java.net.URI;
import java.util.Optional;

/** The public API behaviour through the production factory {@link Udms#inMemory}, wired by Dagger. */
class InMemoryUdmsTest extends UdmBehaviourSuite {
  @Override
  protected Udm newUdm(UdmConfig config, MutableClock clock) {
    return Udms.inMemory(config, clock);
  }

  /** Udms.inMemory keeps its stores inside its component: nothing to reach behind UDM's back. */
  @Override
  protected Optional<BlobStore> objectStoreBehindUdmsBack(Udm udm, RouteContext ctx) {
    return Optional.empty();
  }

  @Override
  protected byte[] fetchPresigned(URI url) {
    return InMemoryBlobAdapter.fetch(url).orElseThrow(() -> new IllegalStateException("no object at " + url));
  }
}
