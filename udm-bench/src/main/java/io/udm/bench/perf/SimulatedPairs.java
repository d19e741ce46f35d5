package io.udm.bench.perf;

import io.udm.api.RouteContext;
import io.udm.api.config.SpacesConn;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.wiring.BackendIds;
import io.udm.domain.routing.RendezvousRouter;
import java.util.ArrayList;
import java.util.List;

/** Backend pairs for the in-memory adapters, and collections spread evenly over them. */
public final class SimulatedPairs {
  private SimulatedPairs() {}

  /**
   * {@code base} with {@code pairs} configured pairs. The in-memory adapters simulate one backend
   * per pair: the endpoints are never contacted, they only give each pair its id (and so its share
   * of the collections under rendezvous hashing).
   */
  public static UdmConfig config(UdmConfig base, int pairs) {
    List<String> uris = new ArrayList<>();
    List<SpacesConn> conns = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      uris.add("mongodb://127.0.0.1:" + (27100 + i));
      conns.add(SpacesConn.builder().endpoint("http://127.0.0.1:" + (9100 + i)).region("us-east-1")
          .accessKey("memory").secretKey("memory-secret").jsonBucket("g-json").contentBucket("g-content")
          .backupsBucket("g-backups").forcePathStyle(true).build());
    }
    return UdmConfig.builder().from(base).mongoUris(uris).spacesConns(conns).build();
  }

  /** {@code perPair} collection names (c0, c1, ...) on each of the config's pairs, as the routing places them. */
  public static List<String> evenlySpread(UdmConfig config, String tenant, String db, int perPair) {
    List<String> ids = BackendIds.of(config);
    RendezvousRouter router = new RendezvousRouter(ids, config.routing());
    int[] taken = new int[ids.size()];
    List<String> names = new ArrayList<>();
    for (int i = 0; names.size() < perPair * ids.size(); i++) {
      String name = "c" + i;
      int backend = router.choose(RouteContext.of(tenant, db, name));
      if (taken[backend] < perPair) {
        taken[backend]++;
        names.add(name);
      }
    }
    return names;
  }
}
