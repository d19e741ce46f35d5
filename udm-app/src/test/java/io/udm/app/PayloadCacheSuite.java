package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.CreateResult;
import io.udm.api.HardDeleteOptions;
import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.OptimizerStats;
import io.udm.api.ReadOptions;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.CacheConfig;
import io.udm.api.config.FallbackConfig;
import io.udm.api.config.RetentionConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.config.VersionRetention;
import io.udm.api.json.JsonValues;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobInfo;
import io.udm.spi.BlobStore;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The payload cache ({@code cache.maxBytes}) on each wiring: hot reads cost no object-store GET,
 * and no read ever gets a payload a hard delete or retention removed, even a read that found the
 * version record just before the removal and fetches the payload just after it (the cache held
 * that payload: it must have been evicted).
 */
public abstract class PayloadCacheSuite {
  private final RouteContext ctx = RouteContext.of(TestStores.tenant("cache"), "crm", "users");
  private final TestStores stores;
  private final MutableClock clock;
  private final AtomicInteger payloadGets = new AtomicInteger();
  /** The thread whose next version read of {@link #gatedOv} stops after the read until released. */
  private final AtomicReference<Thread> gated = new AtomicReference<>();
  private volatile long gatedOv;
  private final CountDownLatch readerHasRecord = new CountDownLatch(1);
  private final CountDownLatch removalDone = new CountDownLatch(1);
  private final List<Udm> opened = new ArrayList<>();

  protected PayloadCacheSuite(TestStores stores) {
    this.stores = stores;
    this.clock = stores.clock("2026-01-01T00:00:00Z");
  }

  @AfterEach
  void close() {
    removalDone.countDown();
    opened.forEach(Udm::close);
  }

  private Udm open(long cacheBytes, Optional<Integer> keepPerItem) {
    StoragePorts plain = stores.ports(clock);
    BackendPorts b = plain.backends().get(0);
    BackendPorts backend = b.withVersions(new GatedLog(b.versions())).withBlobs(new CountingGets(b.blobs()));
    StoragePorts ports = new StoragePorts(List.of(backend), plain.counters(), plain.placements(), plain.indexStates(), plain.holds(), plain.retryQueue(),
        plain.countersProbe(), plain.resources());
    io.udm.api.config.ImmutableVersionRetention.Builder retention = VersionRetention.builder();
    keepPerItem.ifPresent(retention::maxPerItem);
    // The cache keeps payload objects: payloads kept inside their records never reach it.
    UdmConfig config = UdmConfig.builder()
        .storage(PayloadLayouts.objectPayloads())
        .cache(CacheConfig.builder().maxBytes(cacheBytes).build())
        .fallback(FallbackConfig.builder().enabled(true).workerEnabled(false).build())
        .retention(RetentionConfig.builder().ver(retention.build()).build())
        .hardDeleteEnabled(true)
        .build();
    Udm udm = TestUdms.open(config, ports, clock, MemoryPorts.sequentialIds());
    opened.add(udm);
    return udm;
  }

  private static ObjectNode doc(String name) {
    return (ObjectNode) JsonValues.fromBytes(("{\"name\":\"" + name + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static OptimizerStats stats(Udm udm) {
    return udm.fallback().orElseThrow().getOptimizerStats();
  }

  @Test
  void hotReadsOfEveryKindAreServedWithoutAnObjectStoreGet() {
    Udm udm = open(CacheConfig.DEFAULT_MAX_BYTES, Optional.empty());
    ItemOps ops = udm.with(ctx);
    CreateResult created = ops.create(doc("a"));
    ops.update(created.id(), doc("b"), WriteOptions.none());
    payloadGets.set(0);
    long hitsBefore = stats(udm).cacheHits();

    for (int i = 0; i < 3; i++) {
      assertThat(ops.getLatest(created.id()).orElseThrow().data().get("name").asText()).isEqualTo("b");
      assertThat(ops.getVersion(created.id(), 1, ReadOptions.defaults()).orElseThrow().data().get("name").asText())
          .isEqualTo("a");
      assertThat(ops.diff(created.id(), 1, 2).patch()).hasSize(1);
    }

    assertThat(payloadGets).hasValue(0);
    assertThat(stats(udm).cacheHits() - hitsBefore).isGreaterThanOrEqualTo(12);
  }

  @Test
  void withTheCacheOffEveryReadGetsThePayload() {
    Udm udm = open(0, Optional.empty());
    ItemOps ops = udm.with(ctx);
    CreateResult created = ops.create(doc("a"));
    payloadGets.set(0);

    for (int i = 0; i < 3; i++) {
      ops.getLatest(created.id()).orElseThrow();
    }

    assertThat(payloadGets).hasValue(3);
    assertThat(stats(udm).cacheHits()).isZero();
  }

  @Test
  void aReadRacingAHardDeleteNeverGetsTheDeletedPayload() throws Exception {
    Udm udm = open(CacheConfig.DEFAULT_MAX_BYTES, Optional.empty());
    ItemOps ops = udm.with(ctx);
    CreateResult created = ops.create(doc("secret"));
    assertThat(ops.getVersion(created.id(), 1, ReadOptions.defaults())).isPresent();

    CompletableFuture<Optional<ItemView>> reader = readGated(ops, created.id(), 1);
    udm.maintenance().hardDelete(ctx, created.id(), HardDeleteOptions.confirmed());
    removalDone.countDown();

    assertThat(reader.get(30, TimeUnit.SECONDS)).isEmpty();
    assertThat(ops.getVersion(created.id(), 1, ReadOptions.builder().includeDeleted(true).build())).isEmpty();
  }

  @Test
  void aReadRacingRetentionNeverGetsThePrunedPayload() throws Exception {
    Udm udm = open(CacheConfig.DEFAULT_MAX_BYTES, Optional.of(1));
    ItemOps ops = udm.with(ctx);
    CreateResult created = ops.create(doc("old"));
    ops.update(created.id(), doc("new"), WriteOptions.none());
    assertThat(ops.getVersion(created.id(), 1, ReadOptions.defaults())).isPresent();

    CompletableFuture<Optional<ItemView>> reader = readGated(ops, created.id(), 1);
    assertThat(udm.maintenance().applyRetention(ctx).versionsPruned()).isEqualTo(1);
    removalDone.countDown();

    assertThat(reader.get(30, TimeUnit.SECONDS)).isEmpty();
    assertThat(ops.getLatest(created.id()).orElseThrow().data().get("name").asText()).isEqualTo("new");
  }

  /** Reads version {@code ov} on another thread, which stops after reading the record until the removal is done. */
  private CompletableFuture<Optional<ItemView>> readGated(ItemOps ops, String id, long ov) throws InterruptedException {
    gatedOv = ov;
    CompletableFuture<Optional<ItemView>> reader = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        reader.complete(ops.getVersion(id, ov, ReadOptions.defaults()));
      } catch (Throwable e) {
        reader.completeExceptionally(e);
      }
    }, "gated-reader");
    gated.set(thread);
    thread.start();
    assertThat(readerHasRecord.await(30, TimeUnit.SECONDS)).as("the reader found the version record").isTrue();
    return reader;
  }

  /** Stops the gated thread right after its first read of the gated version, until the removal is done. */
  private final class GatedLog extends ForwardingVersionLog {
    GatedLog(io.udm.spi.VersionLog delegate) {
      super(delegate);
    }

    @Override
    public Optional<VersionRecord> find(ItemKey key, long ov) {
      Optional<VersionRecord> found = super.find(key, ov);
      if (ov == gatedOv && gated.compareAndSet(Thread.currentThread(), null)) {
        readerHasRecord.countDown();
        try {
          removalDone.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return found;
    }
  }

  /** Counts payload GETs that reach the object store. */
  private final class CountingGets implements BlobStore {
    private final BlobStore store;

    CountingGets(BlobStore store) {
      this.store = store;
    }

    @Override
    public void put(BlobArea area, String key, byte[] bytes, String contentType) {
      store.put(area, key, bytes, contentType);
    }

    @Override
    public Optional<byte[]> get(BlobArea area, String key) {
      if (area == BlobArea.JSON) {
        payloadGets.incrementAndGet();
      }
      return store.get(area, key);
    }

    @Override
    public Optional<BlobInfo> head(BlobArea area, String key) {
      return store.head(area, key);
    }

    @Override
    public void delete(BlobArea area, String key) {
      store.delete(area, key);
    }

    @Override
    public long deleteAll(BlobArea area, Collection<String> keys) {
      return store.deleteAll(area, keys);
    }

    @Override
    public List<BlobInfo> list(BlobArea area, String prefix, Optional<String> startAfter, int limit) {
      return store.list(area, prefix, startAfter, limit);
    }

    @Override
    public Optional<URI> presignGet(BlobArea area, String key, Duration ttl) {
      return store.presignGet(area, key, ttl);
    }
  }
}
