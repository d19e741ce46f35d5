package io.udm.bench.perf;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Runs an operation from N threads and reports throughput and latency percentiles. Shared by the
 * performance suite and the cost-growth curves ({@code io.udm.bench.growth}).
 */
public final class Measure {
  /** One operation: thread {@code thread} of the run does its {@code i}-th call. */
  public interface Op {
    void run(int thread, int i) throws Exception;
  }

  public record Result(String contender, String op, int threads, int ops, double opsPerSecond, double p50Millis,
      double p99Millis) {}

  private Measure() {}

  public static Result run(String contender, String op, int threads, int totalOps, Op body) throws Exception {
    return run(contender, op, threads, totalOps, Long.MAX_VALUE, body);
  }

  /**
   * As above, but each thread stops early once {@code maxMillis} have passed since the start (after
   * at least one call), so a slow operation keeps the run bounded; the figures are over the calls made.
   */
  public static Result run(String contender, String op, int threads, int totalOps, long maxMillis, Op body)
      throws Exception {
    int perThread = Math.max(1, totalOps / threads);
    long[][] latencies = new long[threads][perThread];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      long start = System.nanoTime();
      // Compared as elapsed time: nanoTime's origin is arbitrary (it may be negative), so no absolute deadline.
      long capNanos = maxMillis >= Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : maxMillis * 1_000_000;
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          int i = 0;
          while (i < perThread && (i == 0 || System.nanoTime() - start < capNanos)) {
            long t0 = System.nanoTime();
            body.run(thread, i);
            latencies[thread][i++] = System.nanoTime() - t0;
          }
          return i;
        }));
      }
      int[] made = new int[threads];
      for (int t = 0; t < threads; t++) {
        made[t] = done.get(t).get();
      }
      long wall = System.nanoTime() - start;
      long[] all = IntStream.range(0, threads)
          .mapToObj(t -> Arrays.copyOf(latencies[t], made[t])).flatMapToLong(Arrays::stream).sorted().toArray();
      Result result = new Result(contender, op, threads, all.length, all.length / (wall / 1e9),
          percentile(all, 0.50), percentile(all, 0.99));
      System.out.printf("%-16s %-22s %2d threads %6d ops %10.0f ops/s  p50 %7.2f ms  p99 %7.2f ms%n", contender, op,
          threads, all.length, result.opsPerSecond(), result.p50Millis(), result.p99Millis());
      return result;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The machine's load average as /proc/loadavg gives it (1, 5, 15 minutes), else the JVM's 1-minute figure. */
  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static double percentile(long[] sorted, double q) {
    int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }
}
