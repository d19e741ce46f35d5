package io.udm.app;

import io.udm.adapter.memory.InMemoryBlobAdapter;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.spi.BlobStore;
import java.net.URI;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/** The public API behaviour on the in-memory adapters, wired by hand. */
class InMemoryUdmServiceTest extends UdmBehaviourSuite {
  private final Map<Udm, StoragePorts> portsOf = new IdentityHashMap<>();

  @Override
  protected Udm newUdm(UdmConfig config, MutableClock clock) {
    StoragePorts ports = MemoryPorts.withBackends("m-0", "m-1", "m-2");
    Udm udm = TestUdms.open(config, ports, clock, MemoryPorts.sequentialIds());
    portsOf.put(udm, ports);
    return udm;
  }

  @Override
  protected Optional<BlobStore> objectStoreBehindUdmsBack(Udm udm, RouteContext ctx) {
    return Optional.of(portsOf.get(udm).backends().get(udm.route(ctx).index()).blobs());
  }

  @Override
  protected byte[] fetchPresigned(URI url) {
    return InMemoryBlobAdapter.fetch(url).orElseThrow(() -> new IllegalStateException("no object at " + url));
  }
}
