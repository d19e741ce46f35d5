package io.udm.bench.restore;

import io.udm.api.CollectionRestoreResult;
import io.udm.api.CreateResult;
import io.udm.api.ItemOps;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.WriteOptions;
import io.udm.api.Udm;
import io.udm.api.config.SpacesConn;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.ConnectOptions;
import io.udm.bootstrap.Udms;
import io.udm.embedded.EmbeddedServers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark (not a unit test): restores a collection of N items (default 100,000) on MongoDB + S3
 * and prints items/s and the restoring JVM's peak heap. See bench/README.md.
 *
 * <pre>
 *   serve FILE            start one MongoDB + S3 server pair in this JVM, write their endpoints to FILE, wait
 *   run FILE [N]          seed N items (create, then update each), restore the collection to the
 *                         cv after the creates (so every item is restored), report
 * </pre>
 *
 * The servers run in their own JVM so that the restoring JVM's heap (run it with -Xmx256m) holds
 * only UDM and its clients, not the stored data.
 */
public final class CollectionRestoreBench {
  private CollectionRestoreBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("serve")) {
      serve(Path.of(args[1]));
    } else if (args.length >= 2 && args[0].equals("run")) {
      int items = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
      try (Udm udm = Udms.create(UdmConfig.load(Path.of(args[1])),
          ConnectOptions.defaults().withCreateBucketsIfMissing(true))) {
        run(udm, "MongoDB + S3 servers in another JVM", items);
      }
    } else if (args.length >= 1 && args[0].equals("memory")) {
      int items = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
      try (Udm udm = Udms.inMemory(UdmConfig.builder().build())) {
        run(udm, "in-memory adapters in this JVM (the stored data shares this heap)", items);
      }
    } else {
      System.err.println("usage: serve FILE | run FILE [items] | memory [items]");
      System.exit(2);
    }
  }

  private static void serve(Path file) throws InterruptedException, java.io.IOException {
    EmbeddedServers servers = EmbeddedServers.transientPairs(1);
    SpacesConn c = servers.spacesConn(0, "bench");
    // A config file the run JVM loads; the embedded store's loopback-only local credentials.
    String json = "{\"mongoUris\": [\"" + servers.mongoUri(0) + "\"], \"spacesConns\": [{\"endpoint\": \""
        + c.endpoint() + "\", \"region\": \"" + c.region() + "\", \"accessKey\": \"" + c.accessKey()
        + "\", \"secretKey\": \"" + c.secretKey() + "\", \"backupsBucket\": \"" + c.backupsBucket()
        + "\", \"jsonBucket\": \"" + c.jsonBucket() + "\", \"contentBucket\": \"" + c.contentBucket()
        + "\", \"forcePathStyle\": true}]}";
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "servers", ".json");
    Files.writeString(tmp, json);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    System.out.println("serving " + servers.mongoUri(0) + " and " + servers.s3Endpoint(0));
    Thread.currentThread().join();
  }

  private static void run(Udm udm, String storage, int items) throws Exception {
    System.out.printf("storage: %s; max heap %d MiB, %d items, %d cores%n",
        storage, Runtime.getRuntime().maxMemory() >> 20, items, Runtime.getRuntime().availableProcessors());
    {
      RouteContext ctx = RouteContext.of("bench", "db", "items-" + UUID.randomUUID().toString().substring(0, 8));
      ItemOps ops = udm.with(ctx);

      long target = seed(ops, items);

      long before = usedAfterGc();
      System.out.printf("heap used after GC before the restore (stored data, if in this JVM): %d MiB%n", before >> 20);
      HeapWatch watch = HeapWatch.start();
      AtomicLong lastReport = new AtomicLong(System.nanoTime());
      long start = System.nanoTime();
      CollectionRestoreResult result = ops.restoreCollection(RestoreTarget.collectionVersion(target),
          WriteOptions.none(), p -> {
            long now = System.nanoTime();
            if (now - lastReport.get() > TimeUnit.SECONDS.toNanos(10)) {
              lastReport.set(now);
              System.out.printf("  %,d items scanned, %.0f items/s, heap used %d MiB%n", p.done(),
                  p.done() / ((now - start) / 1e9), watch.usedNow() >> 20);
            }
          });
      double seconds = (System.nanoTime() - start) / 1e9;
      watch.stop();
      System.out.printf("restore: %s%n", result);
      long after = usedAfterGc();
      System.out.printf("heap used after GC after the restore: %d MiB (peak above that: %d MiB)%n",
          after >> 20, (watch.peakSampled() - after) >> 20);
      System.out.printf("RESULT items=%d seconds=%.1f items_per_s=%.0f peak_heap_used_MiB=%d"
              + " heap_pools_peak_sum_MiB=%d max_heap_MiB=%d%n",
          items, seconds, items / seconds, watch.peakSampled() >> 20, watch.poolPeaks() >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  /**
   * Creates the items, then updates each once; returns the cv after the creates. Generated ids: a
   * create under a new id reads no committed state, while one under a caller's id must ask the
   * version log whether the id was ever written.
   */
  private static long seed(ItemOps ops, int items) throws Exception {
    String[] ids = new String[items];
    long t0 = System.nanoTime();
    AtomicLong maxCv = new AtomicLong();
    parallel(items, i -> {
      CreateResult created = ops.create(Map.of("n", i, "name", "item " + i, "state", "original"));
      ids[i] = created.id();
      maxCv.accumulateAndGet(created.cv(), Math::max);
    });
    long target = maxCv.get();
    System.out.printf("created %d items in %.1f s%n", items, (System.nanoTime() - t0) / 1e9);
    t0 = System.nanoTime();
    parallel(items, i -> ops.update(ids[i], Map.of("n", i, "name", "item " + i, "state", "changed")));
    System.out.printf("updated %d items in %.1f s (restore target: cv %d)%n",
        items, (System.nanoTime() - t0) / 1e9, target);
    return target;
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private interface Task {
    void run(int i) throws Exception;
  }

  private static void parallel(int items, Task task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    int chunk = 1000;
    for (int from = 0; from < items; from += chunk) {
      int start = from;
      int end = Math.min(items, from + chunk);
      futures.add(pool.submit(() -> {
        for (int i = start; i < end; i++) {
          task.run(i);
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  /** Samples used heap every 20 ms and reads the heap pools' peaks. */
  private static final class HeapWatch {
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapWatch() {
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      sampler = new Thread(() -> {
        while (running) {
          peak = Math.max(peak, usedNow());
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-watch");
      sampler.setDaemon(true);
    }

    static HeapWatch start() {
      HeapWatch w = new HeapWatch();
      w.sampler.start();
      return w;
    }

    long usedNow() {
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    void stop() throws InterruptedException {
      running = false;
      sampler.join();
    }

    long peakSampled() {
      return peak;
    }

    long poolPeaks() {
      return ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .mapToLong(p -> p.getPeakUsage().getUsed())
          .sum();
    }
  }
}
