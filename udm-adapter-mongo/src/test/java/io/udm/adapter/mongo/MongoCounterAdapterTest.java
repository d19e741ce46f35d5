package io.udm.adapter.mongo;

import static io.udm.adapter.mongo.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.CounterQuery;
import io.udm.api.RouteContext;
import io.udm.api.Totals;
import io.udm.spi.CounterDelta;
import io.udm.spi.CounterStore;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the {@code CounterStoreContract} ({@code contract.MongoCounterStoreContractTest}) does not
 * show about the Mongo counters: rule names that MongoDB would read as paths or operators ({@code .},
 * a leading {@code $}) are stored as field names of their own and come back as written.
 */
class MongoCounterAdapterTest {
  private static InJvmMongo mongo;
  private static MongoCountersStorage storage;
  private static CounterStore counters;

  @BeforeAll
  static void start() {
    mongo = InJvmMongo.start();
    storage = mongo.openCounters("udm_counters");
    counters = storage.counters();
  }

  @AfterAll
  static void stop() {
    storage.close();
    mongo.close();
  }

  @Test
  void ruleNamesWithDotsAndDollarsCountAsThemselves() {
    String tenant = "t" + unique();
    RouteContext users = RouteContext.of(tenant, "app", "users");

    counters.add(users, new CounterDelta(1, 0, 0, 0, 0, 1, Map.of("vip", 1L, "a.b", 2L, "$x", 3L, "a", 4L)));
    counters.add(users, new CounterDelta(0, 0, 0, 0, 0, 0, Map.of("a.b", 1L, "$x", -3L)));

    assertThat(counters.totals(CounterQuery.of(tenant, "app", "users")))
        .isEqualTo(new Totals(1, 0, 0, 0, 0, 1, Map.of("vip", 1L, "a.b", 3L, "$x", 0L, "a", 4L)));
  }
}
