package io.udm.bench.growth;

import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.ConnectOptions;
import io.udm.bootstrap.Udms;
import io.udm.bench.perf.SimulatedPairs;
import io.udm.bootstrap.wiring.BackendIds;
import io.udm.embedded.EmbeddedServers;
import java.util.List;

/**
 * One UDM for one curve, with nothing else stored: on the in-JVM MongoDB-wire and S3 servers
 * (mongo-java-server + S3Proxy, as in the performance suite) or on the in-memory adapters, with
 * {@code pairs} backend pairs ({@code servers} is null on memory). The optimizer is off, as for the
 * suite's {@code udm} contender.
 */
record GrowthStore(String storage, EmbeddedServers servers, Udm udm, UdmConfig config) implements AutoCloseable {
  static final String MONGO_S3 = "mongo-s3";
  static final String MEMORY = "memory";
  private static final String TENANT = "bench";
  private static final String DB = "growth";

  static GrowthStore open(String storage, int pairs) {
    UdmConfig base = UdmConfig.builder()
        .putCollectionMaps("items", CollectionMap.builder().addIndexedProps("status", "email").build())
        .build();
    if (MEMORY.equals(storage)) {
      UdmConfig config = SimulatedPairs.config(base, pairs);
      return new GrowthStore(storage, null, Udms.inMemory(config), config);
    }
    EmbeddedServers servers = EmbeddedServers.transientPairs(pairs);
    try {
      UdmConfig config = servers.configFor(base, "g");
      Udm udm = Udms.create(config, ConnectOptions.defaults().withCreateBucketsIfMissing(true));
      return new GrowthStore(storage, servers, udm, config);
    } catch (RuntimeException e) {
      servers.close();
      throw e;
    }
  }

  ItemOps ops(String collection) {
    return udm.with(RouteContext.of(TENANT, DB, collection));
  }

  /**
   * {@code count} collection names that rendezvous hashing spreads evenly over the pairs (the same
   * number on each), so that more pairs can share the writes. Computed from the ids a pair proposes
   * on first use ({@link BackendIds}), which new servers keep.
   */
  List<String> evenlySpreadCollections(int count) {
    return SimulatedPairs.evenlySpread(config, TENANT, DB, count / BackendIds.of(config).size());
  }

  @Override
  public void close() throws Exception {
    try {
      udm.close();
    } finally {
      if (servers != null) {
        servers.close();
      }
    }
  }
}
