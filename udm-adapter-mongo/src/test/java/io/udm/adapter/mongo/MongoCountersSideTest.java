package io.udm.adapter.mongo;

import static io.udm.adapter.mongo.Records.newCollection;
import static io.udm.adapter.mongo.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.CounterQuery;
import io.udm.api.RouteContext;
import io.udm.api.Totals;
import io.udm.spi.CounterDelta;
import io.udm.spi.CounterStore;
import io.udm.spi.PlacementRegistry;
import io.udm.spi.SequenceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sequences (backend side), counters and placements (counters side): the atomic upsert stores. */
class MongoCountersSideTest {
  private static InJvmMongo mongo;
  private static MongoStorage storage;
  private static MongoCountersStorage countersStorage;
  private static SequenceStore sequences;
  private static CounterStore counters;
  private static PlacementRegistry placements;

  private final String tenant = "t" + unique();
  private final RouteContext usersInApp = RouteContext.of(tenant, "app", "users");
  private final RouteContext ordersInApp = RouteContext.of(tenant, "app", "orders");
  private final RouteContext usersInAudit = RouteContext.of(tenant, "audit", "users");

  @BeforeAll
  static void start() {
    mongo = InJvmMongo.start();
    storage = mongo.openStorage("backend");
    countersStorage = mongo.openCounters("udm_counters");
    sequences = storage.sequences();
    counters = countersStorage.counters();
    placements = countersStorage.placements();
  }

  @AfterAll
  static void stop() {
    countersStorage.close();
    storage.close();
    mongo.close();
  }

  @Test
  void aSequenceStartsAtOneAndCountsPerCollection() {
    RouteContext collection = newCollection();
    RouteContext sibling = RouteContext.of(collection.tenantId(), collection.dbName(), "other");

    assertThat(sequences.current(collection)).isZero();
    assertThat(sequences.next(collection)).isEqualTo(1);
    assertThat(sequences.next(collection)).isEqualTo(2);
    assertThat(sequences.next(sibling)).isEqualTo(1);
    assertThat(sequences.current(collection)).isEqualTo(2);
  }

  @Test
  void concurrentSequenceCallersGetDistinctNumbers() {
    RouteContext collection = newCollection();

    List<List<Long>> perThread = Race.run(8, thread -> {
      List<Long> seen = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        seen.add(sequences.next(collection));
      }
      return seen;
    });

    Set<Long> all = new TreeSet<>();
    perThread.forEach(all::addAll);
    assertThat(all).hasSize(400);
    assertThat(perThread).allSatisfy(seen -> assertThat(seen).isSorted());
    assertThat(sequences.current(collection)).isEqualTo(400);
  }

  @Test
  void counterAdditionsSumPerCollectionAndOverTheQueriedScope() {
    counters.add(usersInApp, new CounterDelta(1, 2, 3, 4, 5, -6, Map.of("vip", 1L, "a.b", 2L, "$x", 3L)));
    counters.add(usersInApp, new CounterDelta(1, 0, 0, 0, 0, 1, Map.of("vip", 1L)));
    counters.add(ordersInApp, new CounterDelta(10, 0, 0, 0, 0, 10, Map.of()));
    counters.add(usersInAudit, new CounterDelta(100, 0, 0, 0, 0, 100, Map.of("vip", 5L)));
    counters.add(RouteContext.of("t" + unique(), "app", "users"), new CounterDelta(1000, 0, 0, 0, 0, 0, Map.of()));

    assertThat(counters.totals(CounterQuery.of(tenant, "app", "users")))
        .isEqualTo(new Totals(2, 2, 3, 4, 5, -5, Map.of("vip", 2L, "a.b", 2L, "$x", 3L)));
    assertThat(counters.totals(CounterQuery.of(tenant, "app", null)).creates()).isEqualTo(12);
    assertThat(counters.totals(CounterQuery.of(tenant, null, null)).creates()).isEqualTo(112);
    assertThat(counters.totals(CounterQuery.of(tenant, null, null)).rules()).containsEntry("vip", 7L);
    assertThat(counters.totals(CounterQuery.of(tenant, "nothing", null))).isEqualTo(Totals.zero());
  }

  @Test
  void concurrentCounterAdditionsAreNeverLost() {
    Race.run(8, thread -> {
      for (int i = 0; i < 50; i++) {
        counters.add(usersInApp, new CounterDelta(1, 0, 0, 0, 0, 1, Map.of("vip", 1L)));
      }
      return thread;
    });

    Totals totals = counters.totals(CounterQuery.of(tenant, "app", "users"));
    assertThat(totals.creates()).isEqualTo(400);
    assertThat(totals.rules()).containsEntry("vip", 400L);
  }

  @Test
  void resetZeroesOnlyTheCoveredCollectionsAndCountingStartsAfresh() {
    counters.add(usersInApp, new CounterDelta(1, 0, 0, 0, 0, 1, Map.of("vip", 1L)));
    counters.add(ordersInApp, new CounterDelta(2, 0, 0, 0, 0, 2, Map.of()));

    counters.reset(CounterQuery.of(tenant, "app", "users"));
    counters.add(usersInApp, new CounterDelta(0, 1, 0, 0, 0, 0, Map.of()));

    assertThat(counters.totals(CounterQuery.of(tenant, "app", "users")))
        .isEqualTo(new Totals(0, 1, 0, 0, 0, 0, Map.of()));
    assertThat(counters.totals(CounterQuery.of(tenant, "app", null)).creates()).isEqualTo(2);
  }

  @Test
  void theFirstPlacementClaimWinsAndLaterClaimsGetIt() {
    RouteContext collection = newCollection();

    assertThat(placements.find(collection)).isEmpty();
    assertThat(placements.claim(collection, "backend-a")).isEqualTo("backend-a");
    assertThat(placements.claim(collection, "backend-b")).isEqualTo("backend-a");
    assertThat(placements.find(collection)).contains("backend-a");
  }

  @Test
  void racingPlacementClaimsAllGetTheSameAnswer() {
    RouteContext collection = newCollection();

    List<String> answers = Race.run(8, thread -> placements.claim(collection, "backend-" + thread));

    assertThat(answers).containsOnly(answers.get(0));
    assertThat(placements.find(collection)).contains(answers.get(0));
  }
}
