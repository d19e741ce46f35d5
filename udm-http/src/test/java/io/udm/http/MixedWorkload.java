package io.udm.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N clients each making M mixed requests (creates, conditional updates of their own items, reads,
 * listings) through some way in ({@link Client}: HTTP or the Java API), timing every request. The
 * concurrency test checks what it acknowledged; the overhead bench compares the two ways in.
 */
public final class MixedWorkload {
  /** One way to reach UDM. Writes return the acknowledged ov; failures throw {@link Failed}. */
  public interface Client {
    Written create(String email);

    long update(String id, long expectedOv, String email);

    void get(String id);

    void list();
  }

  public record Written(String id, long ov) {}

  /** A request that did not succeed; {@code serverError} for a 5xx answer. */
  public static final class Failed extends RuntimeException {
    final boolean serverError;

    public Failed(String message, boolean serverError) {
      super(message, null, false, false);
      this.serverError = serverError;
    }
  }

  /** What a run saw: each acknowledged write's id and newest ov, latencies, 5xx and other failures. */
  public record Result(Map<String, Long> acknowledged, long[] latenciesNanos, int serverErrors, List<String> failures,
      long elapsedNanos) {
    public double requestsPerSecond() {
      return latenciesNanos.length / (elapsedNanos / 1e9);
    }

    public double percentileMillis(double p) {
      long[] sorted = latenciesNanos.clone();
      Arrays.sort(sorted);
      int at = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
      return sorted[Math.max(0, at)] / 1e6;
    }
  }

  private MixedWorkload() {}

  public static Result run(Client client, int clients, int requestsEach, long seed) throws Exception {
    Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    long[] latencies = new long[clients * requestsEach];
    AtomicInteger serverErrors = new AtomicInteger();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int clientNo = c;
        running.add(pool.submit(() -> {
          Random random = new Random(seed + clientNo);
          List<Written> mine = new ArrayList<>();
          for (int r = 0; r < requestsEach; r++) {
            long t0 = System.nanoTime();
            try {
              int dice = random.nextInt(10);
              if (mine.isEmpty() || dice < 3) {
                Written w = client.create("c" + clientNo + "-" + r + "@example.com");
                mine.add(w);
                acknowledged.put(w.id(), w.ov());
              } else if (dice < 5) {
                int pick = random.nextInt(mine.size());
                Written w = mine.get(pick);
                long ov = client.update(w.id(), w.ov(), "u" + clientNo + "-" + r + "@example.com");
                mine.set(pick, new Written(w.id(), ov));
                acknowledged.put(w.id(), ov);
              } else if (dice < 9) {
                client.get(mine.get(random.nextInt(mine.size())).id());
              } else {
                client.list();
              }
            } catch (Failed f) {
              if (f.serverError) {
                serverErrors.incrementAndGet();
              }
              failures.add(f.getMessage());
            }
            latencies[clientNo * requestsEach + r] = System.nanoTime() - t0;
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
    return new Result(Map.copyOf(acknowledged), latencies, serverErrors.get(), List.copyOf(failures),
        System.nanoTime() - started);
  }
}
