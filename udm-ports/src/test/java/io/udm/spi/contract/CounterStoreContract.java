package io.udm.spi.contract;

import static io.udm.spi.contract.TestRecords.T0;
import static io.udm.spi.contract.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.CounterQuery;
import io.udm.api.RouteContext;
import io.udm.api.Totals;
import io.udm.spi.AppliedEffect;
import io.udm.spi.CounterDelta;
import io.udm.spi.CounterStore;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CounterStore} must do. Each test counts in a tenant of its own. Rule gauges that
 * read zero may or may not be listed, so totals are compared without them.
 */
public abstract class CounterStoreContract {
  private static final int THREADS = 8;
  private static final int ADDS_PER_THREAD = 100;

  /** A store; it may be shared with other tests. */
  protected abstract CounterStore newStore();

  private CounterStore store;
  private String tenant;
  private RouteContext usersInApp;
  private RouteContext ordersInApp;
  private RouteContext usersInAudit;

  @BeforeEach
  void createStoreAndTenant() {
    store = newStore();
    tenant = "t" + unique();
    usersInApp = RouteContext.of(tenant, "app", "users");
    ordersInApp = RouteContext.of(tenant, "app", "orders");
    usersInAudit = RouteContext.of(tenant, "audit", "users");
  }

  @Test
  void aTenantWithoutCountersReadsZero() {
    assertThat(withoutZeroRules(store.totals(CounterQuery.of(tenant, null, null)))).isEqualTo(Totals.zero());
  }

  @Test
  void additionsAddUpPerCollection() {
    store.add(usersInApp, delta(1, 0, 0, Map.of("vip", 1L)));
    store.add(usersInApp, delta(0, 2, 0, Map.of("vip", 2L, "churned", 1L)));

    assertThat(withoutZeroRules(store.totals(CounterQuery.of(tenant, "app", "users"))))
        .isEqualTo(new Totals(1, 2, 0, 0, 0, 1, Map.of("vip", 3L, "churned", 1L)));
  }

  @Test
  void everyFieldOfADeltaIsCounted() {
    store.add(usersInApp, new CounterDelta(1, 2, 3, 4, 5, -6, Map.of("gauge", -7L)));

    assertThat(withoutZeroRules(store.totals(CounterQuery.of(tenant, "app", "users"))))
        .isEqualTo(new Totals(1, 2, 3, 4, 5, -6, Map.of("gauge", -7L)));
  }

  @Test
  void totalsSumEveryCollectionTheQueryCovers() {
    store.add(usersInApp, delta(1, 0, 0, Map.of("vip", 1L)));
    store.add(ordersInApp, delta(10, 0, 0, Map.of()));
    store.add(usersInAudit, delta(100, 0, 0, Map.of("vip", 5L)));
    store.add(RouteContext.of("t" + unique(), "app", "users"), delta(1000, 0, 0, Map.of()));

    assertThat(store.totals(CounterQuery.of(tenant, null, null)).creates()).isEqualTo(111);
    assertThat(store.totals(CounterQuery.of(tenant, null, null)).rules()).containsEntry("vip", 6L);
    assertThat(store.totals(CounterQuery.of(tenant, "app", null)).creates()).isEqualTo(11);
    assertThat(store.totals(CounterQuery.of(tenant, "app", "orders")).creates()).isEqualTo(10);
    assertThat(store.totals(CounterQuery.of(tenant, "audit", "users")).creates()).isEqualTo(100);
    assertThat(store.totals(CounterQuery.of(tenant, "nothing", null)).creates()).isZero();
  }

  @Test
  void concurrentAdditionsAreNeverLost() {
    Race.run(THREADS, thread -> {
      for (int i = 0; i < ADDS_PER_THREAD; i++) {
        store.add(usersInApp, delta(1, 0, 0, Map.of("vip", 1L)));
      }
      return thread;
    });

    Totals totals = store.totals(CounterQuery.of(tenant, "app", "users"));
    assertThat(totals.creates()).isEqualTo(THREADS * ADDS_PER_THREAD);
    assertThat(totals.live()).isEqualTo(THREADS * ADDS_PER_THREAD);
    assertThat(totals.rules()).containsEntry("vip", (long) THREADS * ADDS_PER_THREAD);
  }

  @Test
  void resetZeroesOnlyTheCoveredCollections() {
    store.add(usersInApp, delta(1, 0, 0, Map.of("vip", 1L)));
    store.add(ordersInApp, delta(2, 0, 0, Map.of()));
    store.add(usersInAudit, delta(4, 0, 0, Map.of()));

    store.reset(CounterQuery.of(tenant, "app", "users"));

    assertThat(withoutZeroRules(store.totals(CounterQuery.of(tenant, "app", "users")))).isEqualTo(Totals.zero());
    assertThat(store.totals(CounterQuery.of(tenant, null, null)).creates()).isEqualTo(6);

    store.reset(CounterQuery.of(tenant, null, null));
    assertThat(withoutZeroRules(store.totals(CounterQuery.of(tenant, null, null)))).isEqualTo(Totals.zero());
  }

  @Test
  void countingStartsAfreshAfterAReset() {
    store.add(usersInApp, delta(5, 0, 0, Map.of("vip", 5L)));
    store.reset(CounterQuery.of(tenant, "app", null));

    store.add(usersInApp, delta(1, 0, 0, Map.of("vip", 1L)));

    assertThat(withoutZeroRules(store.totals(CounterQuery.of(tenant, "app", "users"))))
        .isEqualTo(new Totals(1, 0, 0, 0, 0, 1, Map.of("vip", 1L)));
  }

  // ------------------------------------------------------------------ adding a version's delta once

  private AppliedEffect effect(String writeId) {
    return new AppliedEffect(usersInApp, "item-" + writeId, 1, writeId, T0);
  }

  private Totals usersTotals() {
    return withoutZeroRules(store.totals(CounterQuery.of(tenant, "app", "users")));
  }

  @Test
  void aVersionsDeltaIsAddedOnceAndARepeatIsRefused() {
    assertThat(store.addOnce(usersInApp, delta(1, 0, 0, Map.of("vip", 1L)), List.of(effect("w1")), List.of())).isTrue();
    assertThat(store.addOnce(usersInApp, delta(1, 0, 0, Map.of("vip", 1L)), List.of(effect("w1")), List.of())).isFalse();

    assertThat(usersTotals()).isEqualTo(new Totals(1, 0, 0, 0, 0, 1, Map.of("vip", 1L)));
  }

  @Test
  void aBatchIsRefusedWholeWhenOneOfItsVersionsWasAdded() {
    store.addOnce(usersInApp, delta(1, 0, 0, Map.of()), List.of(effect("w1")), List.of());

    assertThat(store.addOnce(usersInApp, delta(2, 0, 0, Map.of()), List.of(effect("w2"), effect("w1")), List.of()))
        .isFalse();
    assertThat(usersTotals().creates()).isEqualTo(1);
    assertThat(store.addOnce(usersInApp, delta(1, 0, 0, Map.of()), List.of(effect("w2")), List.of())).isTrue();
    assertThat(usersTotals().creates()).isEqualTo(2);
  }

  @Test
  void aForgottenVersionIsNoLongerRemembered() {
    store.addOnce(usersInApp, delta(1, 0, 0, Map.of()), List.of(effect("w1")), List.of());
    store.addOnce(usersInApp, delta(1, 0, 0, Map.of()), List.of(effect("w2")), List.of("w1"));
    assertThat(remembered()).containsExactly("w2");

    store.forget(usersInApp, List.of("w2"));
    assertThat(remembered()).isEmpty();
    assertThat(store.addOnce(usersInApp, delta(1, 0, 0, Map.of()), List.of(effect("w1")), List.of())).isTrue();
    assertThat(usersTotals().creates()).isEqualTo(3);
  }

  @Test
  void rememberedEffectsAreListedWithTheirVersionAndTime() {
    AppliedEffect applied = new AppliedEffect(usersInApp, "a.b$c", 7, "w-" + unique(), T0);
    store.addOnce(usersInApp, delta(1, 0, 0, Map.of()), List.of(applied), List.of());

    assertThat(store.remembered(T0, 100_000)).doesNotContain(applied);
    assertThat(store.remembered(T0.plusMillis(1), 100_000)).contains(applied);
  }

  @Test
  void ofConcurrentAdditionsOfTheSameVersionExactlyOneCounts() {
    List<Boolean> added = Race.run(THREADS,
        thread -> store.addOnce(usersInApp, delta(1, 0, 0, Map.of()), List.of(effect("w1")), List.of()));

    assertThat(added.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
    assertThat(usersTotals().creates()).isEqualTo(1);
  }

  private List<String> remembered() {
    return store.remembered(T0.plusSeconds(1), 100_000).stream()
        .filter(e -> e.collection().equals(usersInApp)).map(AppliedEffect::writeId).toList();
  }

  /** A create that is live, plus updates and deletes, with rule gauges. */
  private static CounterDelta delta(long creates, long updates, long deletes, Map<String, Long> rules) {
    return new CounterDelta(creates, updates, deletes, 0, 0, creates - deletes, rules);
  }

  private static Totals withoutZeroRules(Totals totals) {
    Map<String, Long> nonZero = totals.rules().entrySet().stream()
        .filter(rule -> rule.getValue() != 0)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    return new Totals(
        totals.creates(), totals.updates(), totals.deletes(), totals.enrichments(), totals.restores(), totals.live(),
        nonZero);
  }
}
