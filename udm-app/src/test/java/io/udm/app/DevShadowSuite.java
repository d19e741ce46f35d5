package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ItemOps;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.ShrinkOptions;
import io.udm.api.ShrinkResult;
import io.udm.api.Udm;
import io.udm.api.config.DevShadowConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.config.WriteOptimizationConfig;
import io.udm.api.error.StorageException;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import io.udm.app.maintenance.ShrinkService;
import io.udm.app.routing.BackendRouter;
import io.udm.spi.BackendPorts;
import io.udm.spi.DevShadow;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.HeadStore;
import io.udm.spi.HeadWrite;
import io.udm.spi.ItemKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dev shadows on heads, looked at directly in the head store. Each wiring (memory; MongoDB + S3
 * servers in the JVM) runs it on its own stores.
 */
public abstract class DevShadowSuite {
  private final RouteContext ctx = RouteContext.of(TestStores.tenant("t1"), "crm", "users");

  private final TestStores stores;
  private final MutableClock clock;
  private final AtomicBoolean headMovesFail = new AtomicBoolean();
  private StoragePorts ports;
  private BackendPorts backend;
  private final List<Udm> opened = new ArrayList<>();
  private final io.udm.spi.IdGenerator ids = MemoryPorts.sequentialIds();

  /** {@code stores} has one backend pair, whose head store the checks read. */
  protected DevShadowSuite(TestStores stores) {
    this.stores = stores;
    this.clock = stores.clock("2026-01-01T00:00:00Z");
  }

  @BeforeEach
  void storage() {
    StoragePorts plain = stores.ports(clock);
    BackendPorts b = plain.backends().get(0);
    backend = b.withHeads(new FailingMoves(b.heads()));
    ports = new StoragePorts(List.of(backend), plain.counters(), plain.placements(), plain.indexStates(), plain.holds(), plain.retryQueue(),
        plain.countersProbe(), plain.resources());
  }

  @AfterEach
  void close() {
    opened.forEach(Udm::close);
  }

  private static UdmConfig shadows(long maxBytes, boolean allowSkip) {
    // A shadow goes with its write's counter changes: sent with each write, the test sees it at once.
    return UdmConfig.builder()
        .devShadow(DevShadowConfig.builder().enabled(true).ttlHours(24).maxBytesPerDoc(maxBytes).build())
        .writeOptimization(WriteOptimizationConfig.builder().allowShadowSkip(allowSkip).debounceCountersMs(0).build())
        .build();
  }

  private Udm udm(UdmConfig config) {
    Udm udm = TestUdms.open(config, ports, clock, ids);
    opened.add(udm);
    return udm;
  }

  private HeadRecord head(String id) {
    return backend.heads().find(ItemKey.of(ctx, id)).orElseThrow();
  }

  private static Map<String, Object> doc(String name) {
    return Map.of("name", name, "n", 1);
  }

  @Test
  void theHeadCarriesTheStoredDocumentWithItsExpiryAndSize() {
    ItemOps ops = udm(shadows(1 << 20, false)).with(ctx);
    var r = ops.create(doc("ada"));

    DevShadow shadow = head(r.id()).shadow().orElseThrow();
    ObjectNode document = shadow.document();
    assertThat(document.path("name").asText()).isEqualTo("ada");
    assertThat(document.has("_system")).isTrue();
    assertThat(shadow.expiresAt()).isEqualTo(r.at().plus(Duration.ofHours(24)));
    assertThat(shadow.bytes()).isEqualTo(JsonValues.toBytes(document).length);

    clock.advance(Duration.ofMinutes(1));
    var u = ops.update(r.id(), doc("grace"));
    DevShadow next = head(r.id()).shadow().orElseThrow();
    assertThat(head(r.id()).ov()).isEqualTo(2);
    assertThat(next.document().path("name").asText()).isEqualTo("grace");
    assertThat(next.expiresAt()).isEqualTo(u.at().plus(Duration.ofHours(24)));
  }

  @Test
  void noShadowWhenDisabledOrLargerThanTheLimit() {
    String plain = udm(UdmConfig.builder().build()).with(ctx).create(doc("ada")).id();
    String big = udm(shadows(10, false)).with(ctx).create(doc("ada")).id();

    assertThat(head(plain).shadow()).isEmpty();
    assertThat(head(big).shadow()).isEmpty();
  }

  @Test
  void aHeadMovedByAWriterWithoutShadowsDropsTheOldShadow() {
    String id = udm(shadows(1 << 20, false)).with(ctx).create(doc("ada")).id();
    udm(UdmConfig.builder().build()).with(ctx).update(id, doc("grace"));

    assertThat(head(id).ov()).isEqualTo(2);
    assertThat(head(id).shadow()).isEmpty();
  }

  @Test
  void rollForwardDropsTheShadowOfTheLaggingHead() {
    ItemOps ops = udm(shadows(1 << 20, false)).with(ctx);
    String id = ops.create(doc("ada")).id();
    headMovesFail.set(true);
    ops.update(id, doc("grace"));
    // The head lags at ov 1 with its shadow; the shadow writer's CAS at ov 2 did not apply.
    assertThat(head(id).ov()).isEqualTo(1);
    assertThat(head(id).shadow()).isPresent();
    headMovesFail.set(false);

    assertThat(ops.getLatest(id).orElseThrow().ov()).isEqualTo(2);
    assertThat(head(id).ov()).isEqualTo(2);
    assertThat(head(id).shadow()).isEmpty();
  }

  @Test
  void bulkWritesSkipShadowsOnlyWhenAllowed() {
    ItemOps skipping = udm(shadows(1 << 20, true)).with(ctx);
    ItemOps keeping = udm(shadows(1 << 20, false)).with(ctx);
    String a = skipping.create(doc("a")).id();
    String b = skipping.create(doc("b")).id();
    long target = skipping.getLatest(b).orElseThrow().cv();
    skipping.update(a, doc("a2"));
    skipping.update(b, doc("b2"));
    assertThat(head(a).shadow()).isPresent();

    skipping.restoreCollection(RestoreTarget.collectionVersion(target));
    assertThat(head(a).shadow()).isEmpty();
    assertThat(head(a).ov()).isEqualTo(3);
    skipping.enrichBatch(List.of(new io.udm.api.EnrichRequest(a, JsonValues.parseObject("{\"s\":1}"),
        io.udm.api.EnrichOptions.builder().functionId("f@1").build())));
    assertThat(head(a).shadow()).isEmpty();
    // A single write is not bulk.
    skipping.enrich(a, Map.of("s", 2), io.udm.api.EnrichOptions.builder().functionId("f@1").build());
    assertThat(head(a).shadow()).isPresent();

    skipping.update(b, doc("b3"));
    keeping.restoreCollection(RestoreTarget.collectionVersion(target));
    assertThat(head(b).shadow().orElseThrow().document().path("name").asText()).isEqualTo("b");
  }

  @Test
  void shrinkRemovesShadowsOversizedUnderALoweredLimitAndDryRunReportsTheSame() {
    ItemOps ops = udm(shadows(1 << 20, false)).with(ctx);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(ops.create(Map.of("name", "x".repeat(i * 50))).id());
    }
    List<Long> sizes = ids.stream().map(id -> head(id).shadow().orElseThrow().bytes()).sorted().toList();
    long limit = sizes.get(2);
    Udm lowered = udm(shadows(limit, false));
    long expected = sizes.stream().filter(b -> b > limit).mapToLong(Long::longValue).sum();
    long count = sizes.stream().filter(b -> b > limit).count();
    assertThat(count).isEqualTo(2);
    ShrinkResult dry = lowered.maintenance().shrinkDevShadows(ctx, ShrinkOptions.dryRun());
    assertThat(dry).isEqualTo(new ShrinkResult(5, count, expected));
    assertThat(ids).allMatch(id -> head(id).shadow().isPresent());

    assertThat(lowered.maintenance().shrinkDevShadows(ctx, ShrinkOptions.confirmed())).isEqualTo(dry);
    assertThat(ids.stream().filter(id -> head(id).shadow().isPresent()).count()).isEqualTo(5 - count);
    assertThat(lowered.maintenance().shrinkDevShadows(ctx, ShrinkOptions.confirmed()))
        .isEqualTo(new ShrinkResult(5, 0, 0));
  }

  @Test
  void shrinkNeedsConfirmationUnlessDryRun() {
    Udm udm = udm(shadows(1 << 20, false));
    String id = udm.with(ctx).create(doc("a")).id();
    clock.advance(Duration.ofHours(25));
    assertThatThrownBy(() -> udm.maintenance().shrinkDevShadows(ctx, ShrinkOptions.builder().build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("confirm");
    assertThat(head(id).shadow()).isPresent();
  }

  @Test
  void shrinkPagesThroughManyHeadsAndDryRunMatchesTheConfirmedRun() {
    long seed = Seeds.seed(getClass().getSimpleName() + ".shrinkPagesThroughManyHeads");
    Random random = new Random(seed);
    UdmConfig config = shadows(400, false);
    Udm udm = udm(config);
    ItemOps ops = udm.with(ctx);
    int items = 20 + random.nextInt(30);
    for (int i = 0; i < items; i++) {
      ops.create(Map.of("name", "x".repeat(random.nextInt(500))));
      clock.advance(Duration.ofMinutes(random.nextInt(120)));
    }
    BackendRouter router = new BackendRouter(ports.backends(), config.routing(), ports.placements(),
        io.udm.spi.Ticker.system());
    ShrinkService shrink = new ShrinkService(shadows(200 + random.nextInt(200), false), router, clock, 1 + random.nextInt(7));
    List<HeadRecord> before = backend.heads().query(HeadQuery.all(ctx, 1000));

    ShrinkResult dry = shrink.shrink(ctx, ShrinkOptions.dryRun());
    assertThat(backend.heads().query(HeadQuery.all(ctx, 1000))).isEqualTo(before);
    ShrinkResult done = shrink.shrink(ctx, ShrinkOptions.confirmed());

    assertThat(done).as("seed " + seed).isEqualTo(dry);
    assertThat(dry.scanned()).isEqualTo(items);
    long withShadow = before.stream().filter(h -> h.shadow().isPresent()).count();
    long left = backend.heads().query(HeadQuery.all(ctx, 1000)).stream().filter(h -> h.shadow().isPresent()).count();
    assertThat(withShadow - left).as("seed " + seed).isEqualTo(dry.shadowsShrunk());
    assertThat(shrink.shrink(ctx, ShrinkOptions.dryRun())).isEqualTo(new ShrinkResult(items, 0, 0));
  }

  /** Heads whose moves to a new ov fail while {@link #headMovesFail} is set (a crash before step 4). */
  private final class FailingMoves implements HeadStore {
    private final HeadStore heads;

    FailingMoves(HeadStore heads) {
      this.heads = heads;
    }

    @Override
    public Optional<HeadRecord> find(ItemKey key) {
      return heads.find(key);
    }

    @Override
    public HeadWrite insert(HeadRecord head) {
      return heads.insert(head);
    }

    @Override
    public HeadWrite compareAndSet(long expectedOv, HeadRecord next) {
      if (headMovesFail.get() && next.ov() != expectedOv) {
        throw new StorageException("injected: head move lost", false);
      }
      return heads.compareAndSet(expectedOv, next);
    }

    @Override
    public List<HeadRecord> query(HeadQuery query) {
      return heads.query(query);
    }

    @Override
    public boolean delete(ItemKey key) {
      return heads.delete(key);
    }
  }
}
