package io.udm.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.adapter.mongo.MongoSettings;
import io.udm.adapter.mongo.MongoStorage;
import io.udm.adapter.s3.S3Settings;
import io.udm.adapter.s3.S3Storage;
import io.udm.api.BackendHealth;
import io.udm.api.HealthReport;
import io.udm.api.HealthStatus;
import io.udm.api.Route;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.StorageConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.StorageException;
import io.udm.embedded.EmbeddedServers;
import io.udm.spi.BlobArea;
import io.udm.spi.HeadQuery;
import io.udm.spi.ItemKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Three MongoDB + S3 pairs in this JVM: placement by HRW, health per backend, clean start-up failures. */
class SeveralBackendsTest {
  private static final int PAIRS = 3;
  private EmbeddedServers servers;
  private UdmConfig config;

  @BeforeEach
  void startThreePairs() {
    servers = EmbeddedServers.transientPairs(PAIRS);
    config = servers.configFor(UdmConfig.builder().build(), "multi-" + UUID.randomUUID().toString().substring(0, 8));
  }

  @AfterEach
  void stopServers() {
    servers.close();
  }

  private static ConnectOptions fastFailing() {
    return ConnectOptions.defaults().withCreateBucketsIfMissing(true).withConnectTimeout(Duration.ofSeconds(2));
  }

  @Test
  void eachCollectionLivesOnlyOnThePairRoutingChoseForIt() {
    Map<RouteContext, Route> routes = new HashMap<>();
    Map<RouteContext, List<String>> ids = new HashMap<>();
    try (Udm udm = Udms.create(config, fastFailing())) {
      for (int c = 0; c < 12; c++) {
        RouteContext ctx = RouteContext.of("acme", "crm", "coll-" + c);
        routes.put(ctx, udm.route(ctx));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          // The first item's payloads are too large to stay in their records: both kinds are placed.
          String pad = i == 0 ? "x".repeat(StorageConfig.DEFAULT_INLINE_MAX_BYTES) : "";
          String id = udm.with(ctx).create(java.util.Map.of("n", i, "pad", pad)).id();
          udm.with(ctx).update(id, java.util.Map.of("n", i + 100, "pad", pad));
          created.add(id);
        }
        ids.put(ctx, created);
      }
    }
    Set<Integer> pairsUsed = new HashSet<>();
    routes.values().forEach(r -> pairsUsed.add(r.index()));
    assertThat(pairsUsed).as("12 collections over 3 pairs use more than one pair").hasSizeGreaterThan(1);

    for (int pair = 0; pair < PAIRS; pair++) {
      try (MongoStorage mongo = MongoStorage.open(servers.mongoUri(pair), MongoSettings.defaults());
          S3Storage s3 = S3Storage.open(config.spacesConns().get(pair), S3Settings.defaults())) {
        for (Map.Entry<RouteContext, Route> e : routes.entrySet()) {
          RouteContext ctx = e.getKey();
          boolean home = e.getValue().index() == pair;
          int heads = mongo.heads().query(HeadQuery.all(ctx, 100)).size();
          long versions = ids.get(ctx).stream()
              .mapToLong(id -> mongo.versions().history(ItemKey.of(ctx, id)).size()).sum();
          int payloads = s3.blobs().list(BlobArea.JSON, io.udm.domain.keys.StorageKeys.collectionPrefix(ctx),
              Optional.empty(), 1000).size();
          if (home) {
            assertThat(heads).as("heads of %s on its pair %d", ctx, pair).isEqualTo(3);
            assertThat(versions).as("versions of %s on its pair %d", ctx, pair).isEqualTo(6);
            assertThat(payloads).as("payload objects of %s on its pair %d", ctx, pair).isEqualTo(2);
          } else {
            assertThat(heads + versions + payloads).as("%s leaked onto pair %d", ctx, pair).isZero();
          }
        }
      }
    }
  }

  @Test
  void healthIsUpWithEveryBackendAndDegradedNamingTheOneThatStopped() {
    try (Udm udm = Udms.create(config, fastFailing())) {
      HealthReport up = udm.admin().health();
      assertThat(up.status()).isEqualTo(HealthStatus.UP);
      assertThat(up.backends()).hasSize(PAIRS).allMatch(b -> b.status() == HealthStatus.UP);
      assertThat(udm.admin().listBackends()).hasSize(PAIRS);

      servers.stopPair(1);
      HealthReport degraded = udm.admin().health();

      assertThat(degraded.status()).isEqualTo(HealthStatus.DEGRADED);
      BackendHealth down = degraded.backends().get(1);
      assertThat(down.status()).isEqualTo(HealthStatus.DOWN);
      assertThat(down.mongo().error()).isPresent();
      assertThat(down.s3().error()).isPresent();
      assertThat(degraded.backends().get(0).status()).isEqualTo(HealthStatus.UP);
      assertThat(degraded.backends().get(2).status()).isEqualTo(HealthStatus.UP);
      String report = degraded.toString() + udm.admin().listBackends();
      assertThat(report).contains(down.backendId()).doesNotContain(config.spacesConns().get(1).secretKey());
    }
  }

  @Test
  void startingWithABackendDownFailsCleanlyNamingIt() {
    String downEndpoint = config.mongoUris().get(2);
    servers.stopPair(2);
    assertThatThrownBy(() -> Udms.create(config, fastFailing()))
        .isInstanceOf(StorageException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(downEndpoint)
            .doesNotContain(config.spacesConns().get(2).secretKey()));
  }

  @Test
  void aBackendKeepsItsIdentityWhenItsConnectionStringChanges() {
    RouteContext ctx = RouteContext.of("acme", "crm", "moving");
    String id;
    String backendId;
    try (Udm udm = Udms.create(config, fastFailing())) {
      id = udm.with(ctx).create(java.util.Map.of("n", 1)).id();
      backendId = udm.route(ctx).backendId();
    }
    List<String> rewritten = new ArrayList<>();
    config.mongoUris().forEach(uri -> rewritten.add(uri.replace("127.0.0.1", "localhost") + "/?appName=renamed"));
    UdmConfig moved = UdmConfig.builder().from(config).mongoUris(rewritten).build();

    try (Udm udm = Udms.create(moved, fastFailing())) {
      assertThat(udm.route(ctx).backendId()).isEqualTo(backendId);
      assertThat(udm.with(ctx).getLatest(id)).isPresent();
      assertThat(udm.with(ctx).update(id, java.util.Map.of("n", 2)).ov()).isEqualTo(2);
    }
  }

  @Test
  void twoPairsOnOneMongoDatabaseAreRefused() {
    List<String> sameMongo = List.of(config.mongoUris().get(0), config.mongoUris().get(0) + "/?appName=twin",
        config.mongoUris().get(2));
    UdmConfig twins = UdmConfig.builder().from(config).mongoUris(sameMongo).build();
    assertThatThrownBy(() -> Udms.create(twins, fastFailing()))
        .isInstanceOf(io.udm.api.error.ValidationException.class)
        .hasMessageContaining("same MongoDB");
  }
}
