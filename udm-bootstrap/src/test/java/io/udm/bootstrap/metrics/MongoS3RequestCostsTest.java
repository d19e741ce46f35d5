package io.udm.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.udm.api.CreateResult;
import io.udm.api.ItemOps;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.UdmOptions;
import io.udm.api.WriteOptions;
import io.udm.api.config.AfterCommitConfig;
import io.udm.api.config.UdmConfig;
import io.udm.app.TestStores;
import io.udm.bootstrap.ConnectOptions;
import io.udm.bootstrap.UdmsOverStores;
import io.udm.embedded.EmbeddedServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What one call of a small item costs in requests on MongoDB + S3 with default options: the baseline
 * of the round-trip budget per call. For create, update with expectedOv, update without, and
 * getLatest it prints the MongoDB and S3 requests the call sent before it returned, and those sent
 * after it on other threads by its deferred work (batched after-commit flushes). It asserts only that
 * the figures are positive and the same for two items, not the budget.
 */
class MongoS3RequestCostsTest {
  private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(1_500);
  private static final long SETTLE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

  private static EmbeddedServers servers;

  /** One call's requests: sent by the call itself, and later by the work it left to other threads. */
  record Cost(String call, long mongo, long s3, long mongoLater, long s3Later, List<String> portCalls) {
    String row() {
      return String.format("%-26s %6d %4d %12d %9d   %s", call, mongo, s3, mongoLater, s3Later,
          String.join(", ", portCalls));
    }
  }

  @BeforeAll
  static void startServers() {
    servers = EmbeddedServers.transientPairs(1);
  }

  @AfterAll
  static void stopServers() {
    servers.close();
  }

  @Test
  void requestsOfOneCallOnASmallItem() {
    PortCallWitness witness = new PortCallWitness(new SimpleMeterRegistry());
    // The sweeper, a periodic scan whatever the calls, is off: what follows a call is its own deferred work.
    UdmConfig config = servers.configFor(UdmConfig.builder()
        .afterCommit(AfterCommitConfig.builder().sweepIntervalMs(0).build()).build(), "costs");
    try (Udm udm = UdmsOverStores.create(config, ConnectOptions.defaults().withCreateBucketsIfMissing(true),
        UdmOptions.builder().meterRegistry(witness.registry()).build(), witness)) {
      ItemOps items = udm.with(RouteContext.of(TestStores.tenant("costs"), "crm", "users"));
      // The collection's first write places it and opens its sequence: a cost paid once, not per call.
      String first = items.create(Map.of("email", "first@example.com")).id();
      settle(witness);

      List<Cost> ada = costsOfOneItem(items, witness, "ada", first);
      List<Cost> bob = costsOfOneItem(items, witness, "bob", first);

      System.out.println("Requests per call, small item, default options (MongoDB + S3 servers in the JVM)");
      System.out.println(String.format("%-26s %6s %4s %12s %9s   %s", "call", "mongo", "s3", "mongo later", "s3 later",
          "port calls: requests"));
      ada.forEach(cost -> System.out.println(cost.row()));
      assertThat(ada).allSatisfy(cost -> assertThat(cost.mongo() + cost.s3()).as(cost.call()).isPositive());
      assertThat(bob).as("the same calls on another item").isEqualTo(ada);
    }
  }

  /**
   * Before each call another item is read, as in a busy collection: the collection's placement is
   * then cached. The router reads it again at most once per {@code BackendRouter.PLACEMENT_TTL}, a
   * cost of the collection over time, not of a call, so a placement read is left out of the costs.
   */
  private static List<Cost> costsOfOneItem(ItemOps items, PortCallWitness witness, String name, String otherId) {
    Runnable freshen = () -> items.getLatest(otherId);
    List<Cost> costs = new ArrayList<>();
    String[] id = new String[1];
    long[] ov = new long[1];
    costs.add(cost("create", witness, freshen, () -> {
      CreateResult created = items.create(Map.of("email", name + "@example.com", "status", "trial"));
      id[0] = created.id();
      ov[0] = created.ov();
    }));
    costs.add(cost("update with expectedOv", witness, freshen, () -> items.update(id[0],
        Map.of("email", name + "@example.com", "status", "active"), WriteOptions.builder().expectedOv(ov[0]).build())));
    costs.add(cost("update", witness, freshen,
        () -> items.update(id[0], Map.of("email", name + "@example.com", "status", "paid"))));
    costs.add(cost("getLatest", witness, freshen, () -> assertThat(items.getLatest(id[0])).isPresent()));
    return costs;
  }

  /** One call's cost, from a quiet state (no port call running or due) back to one. */
  private static Cost cost(String call, PortCallWitness witness, Runnable freshen, Runnable run) {
    freshen.run();
    int from = witness.seen().size();
    String caller = Thread.currentThread().getName();
    run.run();
    settle(witness);
    // A placement read is the collection's, once per BackendRouter.PLACEMENT_TTL, whichever call comes then.
    List<PortCallWitness.Seen> seen = witness.seen().subList(from, witness.seen().size()).stream()
        .filter(s -> !s.port().equals("placements")).toList();
    List<PortCallWitness.Seen> mine = seen.stream().filter(s -> s.thread().equals(caller)).toList();
    List<PortCallWitness.Seen> later = seen.stream().filter(s -> !s.thread().equals(caller)).toList();
    return new Cost(call, sum(mine, "mongo"), sum(mine, "s3"), sum(later, "mongo"), sum(later, "s3"),
        described(seen, caller));
  }

  private static long sum(List<PortCallWitness.Seen> calls, String store) {
    return calls.stream().mapToLong(call -> call.requestsTo(store)).sum();
  }

  /** Each port call with the requests it sent, by name ("later" when on another thread than the caller's). */
  private static List<String> described(List<PortCallWitness.Seen> calls, String caller) {
    List<String> out = new ArrayList<>();
    for (PortCallWitness.Seen call : calls) {
      Map<String, Long> requests = new TreeMap<>();
      call.requests().forEach((meter, n) -> requests.merge(meter.getTag("request"), n, Long::sum));
      out.add((call.thread().equals(caller) ? "" : "later ") + call.port() + "." + call.call() + " " + requests);
    }
    return out;
  }

  /** Waits until no port call has run for a while: the after-commit timer has sent what the last call left. */
  private static void settle(PortCallWitness witness) {
    long deadline = System.nanoTime() + SETTLE_LIMIT_NANOS;
    int last = witness.seen().size();
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < QUIET_NANOS) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("port calls went on for 30 s after a call: " + witness.seen().subList(last,
            witness.seen().size()));
      }
      sleep(50);
      int now = witness.seen().size();
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
