package io.udm.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.ReadOptions;
import io.udm.api.RouteContext;
import io.udm.api.UpdateResult;
import io.udm.api.WriteOptions;
import io.udm.api.error.OptimisticLockException;
import io.udm.spi.VersionRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Many writers, compare-and-set updates, one item. Counts come from {@code udm.contention.writers}
 * and {@code udm.contention.updates} (defaults 16 x 500; a wiring may run fewer in CI, see
 * {@link #defaultUpdatesPerWriter()}).
 */
public abstract class ContentionSuite {
  protected abstract FaultFixture newFixture();

  protected int writers() {
    return Integer.getInteger("udm.contention.writers", 16);
  }

  protected int updatesPerWriter() {
    return Integer.getInteger("udm.contention.updates", defaultUpdatesPerWriter());
  }

  /** What CI runs when {@code udm.contention.updates} is not set. */
  protected int defaultUpdatesPerWriter() {
    return 500;
  }

  protected String wiring() {
    return getClass().getSimpleName();
  }

  @Test
  void compareAndSetUpdatesFromManyWritersLoseNothingAndKeepAGaplessChain() throws Exception {
    FaultFixture fx = newFixture();
    RouteContext ctx = RouteContext.of("c" + UUID.randomUUID().toString().substring(0, 8), "db", "counter");
    // Each writer is its own process (its own UdmService) on the same stores.
    String id = fx.rival().with(ctx).create(Map.of("writer", -1, "seq", -1)).id();
    int writers = writers();
    int updates = updatesPerWriter();
    Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    AtomicLong losers = new AtomicLong();
    List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    long began = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        ItemOps ops = fx.rival().with(ctx);
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < updates; i++) {
            try {
              long seen = ops.getLatest(id).orElseThrow().ov();
              UpdateResult r = ops.update(id, Map.of("writer", writer, "seq", i),
                  WriteOptions.builder().expectedOv(seen).build());
              String previous = acknowledged.put(r.ov(), writer + "/" + i);
              if (previous != null) {
                unexpected.add(new AssertionError("ov " + r.ov() + " acknowledged twice: " + previous + ", " + writer + "/" + i));
              }
            } catch (OptimisticLockException lost) {
              losers.incrementAndGet();
            } catch (RuntimeException | AssertionError e) {
              unexpected.add(e);
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

    assertThat(unexpected).as("every loser must be an OptimisticLockException").isEmpty();
    List<VersionRecord> history = fx.history(ctx, id);
    ItemView latest = fx.rival().with(ctx).getLatest(id).orElseThrow();
    System.out.printf("[contention] %s: %d writers x %d CAS updates: %d acknowledged, %d OptimisticLockException,"
        + " final ov %d, %d ms%n", wiring(), writers, updates, acknowledged.size(), losers.get(), latest.ov(), millis);
    assertThat(acknowledged.size() + losers.get()).isEqualTo((long) writers * updates);
    assertThat(latest.ov()).isEqualTo(acknowledged.size() + 1L);
    assertThat(history).extracting(VersionRecord::ov)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, latest.ov()).boxed().toList());
    for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
      ItemView v = fx.rival().with(ctx).getVersion(id, ack.getKey(), ReadOptions.defaults()).orElseThrow();
      assertThat(v.data().path("writer").asInt() + "/" + v.data().path("seq").asInt()).isEqualTo(ack.getValue());
    }
    fx.assertHeadNotDangling(ctx, id);
    assertThat(fx.head(ctx, id).orElseThrow().ov()).isEqualTo(latest.ov());
    assertThat(fx.rival().maintenance().verify(ctx).ok()).isTrue();
  }
}
