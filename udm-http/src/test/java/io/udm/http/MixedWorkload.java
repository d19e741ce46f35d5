package io.udm.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * listings) through some way in ({@link Client}: HTTP or the Java API), timing every request and
 * checking every answer against what the client wrote: only a client writes its own items, so it
 * knows each one's ov and email exactly. The concurrency test checks what it acknowledged; the
 * overhead bench compares the two ways in.
 */
public final class MixedWorkload {
  /** One way to reach UDM. Writes return the acknowledged ov; failures throw {@link Failed}. */
  public interface Client {
    Written create(String email);

    long update(String id, long expectedOv, String email);

    ItemState get(String id);

    /** The first page (at most {@link #LIST_LIMIT}) of the collection's items. */
    List<ItemState> list();
  }

  /** The page size of {@link Client#list}. */
  public static final int LIST_LIMIT = 20;

  /** The kinds of request, as {@link Result#requestsByKind} counts them. */
  public enum Kind { CREATE, UPDATE, GET, LIST }

  public record Written(String id, long ov) {}

  /** An item as an answer showed it: its id, ov and the email its data holds. */
  public record ItemState(String id, long ov, String email) {}

  /** A request that did not succeed; {@code serverError} for a 5xx answer. */
  public static final class Failed extends RuntimeException {
    final boolean serverError;

    public Failed(String message, boolean serverError) {
      super(message, null, false, false);
      this.serverError = serverError;
    }
  }

  /**
   * What a run saw: each acknowledged item's newest state, latencies (a slot stays 0 for a request
   * that never completed), how many requests of each kind completed (answered, right or wrong), 5xx
   * answers, and every failure: refused requests and answers that disagree with what was written.
   */
  public record Result(Map<String, ItemState> acknowledged, long[] latenciesNanos, Map<Kind, Integer> requestsByKind,
      int serverErrors, List<String> failures, long elapsedNanos) {
    public int completed() {
      return requestsByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int requests(Kind kind) {
      return requestsByKind.getOrDefault(kind, 0);
    }

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
    Map<String, ItemState> acknowledged = new ConcurrentHashMap<>();
    long[] latencies = new long[clients * requestsEach];
    Map<Kind, AtomicInteger> completed = new ConcurrentHashMap<>();
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
          List<String> mineInOrder = new ArrayList<>();
          Map<String, ItemState> mine = new HashMap<>();
          for (int r = 0; r < requestsEach; r++) {
            long t0 = System.nanoTime();
            int dice = random.nextInt(10);
            Kind kind = mine.isEmpty() || dice < 3 ? Kind.CREATE : dice < 5 ? Kind.UPDATE : dice < 9 ? Kind.GET : Kind.LIST;
            String request = "client " + clientNo + " request " + r + " (" + kind + ")";
            try {
              switch (kind) {
                case CREATE -> {
                  String email = "c" + clientNo + "-" + r + "@example.com";
                  Written w = client.create(email);
                  ItemState created = new ItemState(w.id(), w.ov(), email);
                  expect(w.ov() == 1, "a new item at ov 1", w);
                  expect(acknowledged.putIfAbsent(w.id(), created) == null, "an id no create had", w);
                  mine.put(w.id(), created);
                  mineInOrder.add(w.id());
                }
                case UPDATE -> {
                  ItemState before = mine.get(mineInOrder.get(random.nextInt(mineInOrder.size())));
                  String email = "u" + clientNo + "-" + r + "@example.com";
                  long ov = client.update(before.id(), before.ov(), email);
                  expect(ov == before.ov() + 1, "ov " + (before.ov() + 1) + " after ov " + before.ov(), ov);
                  ItemState after = new ItemState(before.id(), ov, email);
                  mine.put(after.id(), after);
                  acknowledged.put(after.id(), after);
                }
                case GET -> {
                  ItemState expected = mine.get(mineInOrder.get(random.nextInt(mineInOrder.size())));
                  ItemState seen = client.get(expected.id());
                  expect(seen.equals(expected), "what this client last wrote, " + expected, seen);
                }
                case LIST -> {
                  List<ItemState> page = client.list();
                  // Items are never deleted, so at least this client's are there to fill the page.
                  expect(page.size() >= Math.min(LIST_LIMIT, mine.size()) && page.size() <= LIST_LIMIT,
                      "between " + Math.min(LIST_LIMIT, mine.size()) + " and " + LIST_LIMIT + " items", page.size());
                  expect(page.stream().map(ItemState::id).distinct().count() == page.size(), "no item twice", page);
                  for (ItemState listed : page) {
                    ItemState own = mine.get(listed.id());
                    expect(own == null ? listed.ov() >= 1 && listed.email() != null : listed.equals(own),
                        own == null ? "an item with an ov and an email" : "what this client last wrote, " + own, listed);
                  }
                }
                default -> throw new IllegalStateException("no such request kind: " + kind);
              }
            } catch (Failed f) {
              if (f.serverError) {
                serverErrors.incrementAndGet();
              }
              failures.add(request + ": " + f.getMessage());
            }
            completed.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            latencies[clientNo * requestsEach + r] = System.nanoTime() - t0;
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get(4, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
    Map<Kind, Integer> byKind = new java.util.EnumMap<>(Kind.class);
    completed.forEach((kind, n) -> byKind.put(kind, n.get()));
    return new Result(Map.copyOf(acknowledged), latencies, byKind, serverErrors.get(), List.copyOf(failures),
        System.nanoTime() - started);
  }

  /** A wrong answer is a failure of its request, as a refused one is. */
  private static void expect(boolean holds, String expected, Object seen) {
    if (!holds) {
      throw new Failed("wrong answer: expected " + expected + ", got " + seen, false);
    }
  }
}
