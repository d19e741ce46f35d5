package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.CounterQuery;
import io.udm.api.CountersApi;
import io.udm.api.FallbackApi;
import io.udm.api.ItemOps;
import io.udm.api.MaintenanceApi;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.FallbackConfig;
import io.udm.api.config.ShutdownConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.QueuedForRetryException;
import io.udm.api.error.StorageException;
import io.udm.api.error.UdmException;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobStore;
import io.udm.spi.ItemKey;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Shutdown: what was handed out before {@code close()} fails cleanly afterwards, and a write racing
 * {@code close()} either commits whole (close waits for it) or fails without leaving anything.
 */
class UdmLifecycleTest {
  private static final RouteContext CTX = RouteContext.of("acme", "crm", "notes");
  private final MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
  private final StoragePorts raw = MemoryPorts.withBackends("m-0");
  /** Set by the stores' own close: from then on every blob call fails, like a closed client. */
  private final AtomicBoolean storesClosed = new AtomicBoolean();
  private final CountDownLatch uploadReached = new CountDownLatch(1);
  private final CountDownLatch releaseUpload = new CountDownLatch(1);
  private final AtomicBoolean holdNextUpload = new AtomicBoolean();

  private Udm open(long shutdownTimeoutMs) {
    // Payload objects: a write in flight is held at its payload upload.
    UdmConfig config = UdmConfig.builder()
        .storage(PayloadLayouts.objectPayloads())
        .shutdown(ShutdownConfig.builder().timeoutMs(shutdownTimeoutMs).build())
        .fallback(FallbackConfig.builder().enabled(true).build())
        .build();
    BackendPorts b = raw.backends().get(0);
    BackendPorts held = b.withBlobs(closable(b.blobs()));
    AutoCloseable stores = () -> storesClosed.set(true);
    return TestUdms.open(config, new StoragePorts(List.of(held), raw.counters(), raw.placements(), raw.indexStates(), raw.holds(), raw.retryQueue(),
        raw.countersProbe(), List.of(stores)), clock, MemoryPorts.sequentialIds());
  }

  /** Blob calls that fail once the stores are closed, and a JSON upload that can be held. */
  private BlobStore closable(BlobStore target) {
    return (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(), new Class<?>[] {BlobStore.class},
        (proxy, method, args) -> {
          if (method.getName().equals("put") && args[0] == BlobArea.JSON && holdNextUpload.getAndSet(false)) {
            uploadReached.countDown();
            releaseUpload.await(10, TimeUnit.SECONDS);
          }
          if (storesClosed.get()) {
            throw new StorageException("the object store client is closed", true);
          }
          try {
            return method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void everythingHandedOutBeforeCloseFailsWithAClearErrorAfterIt() {
    Udm udm = open(1000);
    ItemOps ops = udm.with(CTX);
    String id = ops.create(Map.of("title", "a")).id();
    CountersApi counters = udm.counters();
    MaintenanceApi maintenance = udm.maintenance();
    FallbackApi fallback = udm.fallback().orElseThrow();

    udm.close();

    assertThatThrownBy(() -> ops.getLatest(id)).isInstanceOf(UdmException.class).hasMessageContaining("shut down");
    assertThatThrownBy(() -> ops.create(Map.of("title", "b"))).isInstanceOf(UdmException.class)
        .hasMessageContaining("shut down");
    assertThatThrownBy(() -> counters.getTotals(CounterQuery.of("acme", null, null)))
        .isInstanceOf(UdmException.class).hasMessageContaining("shut down");
    assertThatThrownBy(() -> maintenance.verify(CTX)).isInstanceOf(UdmException.class).hasMessageContaining("shut down");
    assertThatThrownBy(fallback::getQueueStats).isInstanceOf(UdmException.class).hasMessageContaining("shut down");
    assertThatThrownBy(() -> udm.with(CTX)).isInstanceOf(UdmException.class).hasMessageContaining("shut down");
    assertThatThrownBy(() -> udm.admin().health()).isInstanceOf(UdmException.class);
    // A second close is a no-op, and what was refused never reached the stores.
    udm.close();
    udm.admin().shutdown();
    assertThat(raw.backends().get(0).versions().history(ItemKey.of(CTX, id))).hasSize(1);
  }

  @Test
  void closeWaitsForAWriteInFlightWhichThenCommitsWhole() throws Exception {
    Udm udm = open(10_000);
    ItemOps ops = udm.with(CTX);
    holdNextUpload.set(true);
    CompletableFuture<String> write = CompletableFuture.supplyAsync(
        () -> ops.create(Map.of("title", "racing"), WriteOptions.builder().objectId("racer").build()).id());
    assertThat(uploadReached.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(udm::close);
    // The write is held inside its upload: close must not return (nor close the stores) meanwhile.
    assertThatThrownBy(() -> closing.get(300, TimeUnit.MILLISECONDS))
        .isInstanceOf(java.util.concurrent.TimeoutException.class);
    assertThat(storesClosed).isFalse();
    assertThatThrownBy(() -> ops.getLatest("racer")).isInstanceOf(UdmException.class)
        .hasMessageContaining("shut down");

    releaseUpload.countDown();
    assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo("racer");
    closing.get(10, TimeUnit.SECONDS);
    assertThat(storesClosed).isTrue();

    storesClosed.set(false);
    Udm reopened = TestUdms.open(UdmConfig.builder().build(), raw, clock, MemoryPorts.sequentialIds());
    assertThat(reopened.with(CTX).getLatest("racer").orElseThrow().ov()).isEqualTo(1);
    assertThat(reopened.maintenance().verify(CTX).problems()).isEmpty();
  }

  @Test
  void aWriteStillRunningWhenTheWaitEndsFailsCleanlyAndLeavesNothing() throws Exception {
    Udm udm = open(50);
    ItemOps ops = udm.with(CTX);
    holdNextUpload.set(true);
    CompletableFuture<String> write = CompletableFuture.supplyAsync(
        () -> ops.create(Map.of("title", "late"), WriteOptions.builder().objectId("late").build()).id());
    assertThat(uploadReached.await(10, TimeUnit.SECONDS)).isTrue();

    udm.close(); // gives up waiting after 50 ms and closes the stores under the held write
    assertThat(storesClosed).isTrue();
    releaseUpload.countDown();

    // The object store closed under it: a transient failure, which this process (fallback.enabled)
    // queues durably when its queue still takes it, as the in-memory one here does.
    assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS)).cause()
        .isInstanceOfAny(StorageException.class, QueuedForRetryException.class);
    ItemKey key = ItemKey.of(CTX, "late");
    assertThat(raw.backends().get(0).versions().history(key)).isEmpty();
    assertThat(raw.backends().get(0).heads().find(key)).isEmpty();
  }
}
