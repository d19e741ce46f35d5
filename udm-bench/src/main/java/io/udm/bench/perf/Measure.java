package io.udm.bench.perf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs an operation from N threads and reports throughput and latency percentiles. */
final class Measure {
  /** One operation: thread {@code thread} of the run does its {@code i}-th call. */
  interface Op {
    void run(int thread, int i) throws Exception;
  }

  record Result(String contender, String op, int threads, int ops, double opsPerSecond, double p50Millis,
      double p99Millis) {}

  private Measure() {}

  static Result run(String contender, String op, int threads, int totalOps, Op body) throws Exception {
    int perThread = Math.max(1, totalOps / threads);
    long[][] latencies = new long[threads][perThread];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            long t0 = System.nanoTime();
            body.run(thread, i);
            latencies[thread][i] = System.nanoTime() - t0;
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      long wall = System.nanoTime() - start;
      long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
      Result result = new Result(contender, op, threads, all.length, all.length / (wall / 1e9),
          percentile(all, 0.50), percentile(all, 0.99));
      System.out.printf("%-16s %-22s %2d threads %6d ops %10.0f ops/s  p50 %7.2f ms  p99 %7.2f ms%n", contender, op,
          threads, all.length, result.opsPerSecond(), result.p50Millis(), result.p99Millis());
      return result;
    } finally {
      pool.shutdownNow();
    }
  }

  private static double percentile(long[] sorted, double q) {
    int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }
}
