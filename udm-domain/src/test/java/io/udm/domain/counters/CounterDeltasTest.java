package io.udm.domain.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Op;
import io.udm.api.RouteContext;
import io.udm.api.config.CounterRule;
import io.udm.api.config.RuleScope;
import io.udm.api.json.JsonValues;
import io.udm.domain.counters.CounterDeltas.ItemState;
import io.udm.spi.CounterDelta;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CounterDeltasTest {
  private static final RouteContext USERS = RouteContext.of("acme", "crm", "users");
  private static final RouteContext ORDERS = RouteContext.of("acme", "crm", "orders");

  private final CounterDeltas deltas = new CounterDeltas(List.of(
      CounterRule.builder().name("active").when(JsonValues.fromMap(Map.of("status", "active")))
          .on(List.of(Op.values())).build(),
      CounterRule.builder().name("vip").when(JsonValues.fromMap(Map.of("tier", "gold")))
          .on(List.of(Op.UPDATE)).scope(RuleScope.PAYLOAD).addCollections("users").build()));

  private static ObjectNode json(Map<String, ?> m) {
    return JsonValues.fromMap(m);
  }

  private static ItemState live(String status, String tier) {
    return new ItemState(false, json(Map.of("status", status)), Optional.of(json(Map.of("status", status, "tier", tier))));
  }

  @Test
  void aCreateCountsItselfLiveAndItsMatches() {
    CounterDelta d = deltas.of(USERS, Op.CREATE, Optional.empty(), live("active", "gold"));
    assertThat(d).isEqualTo(new CounterDelta(1, 0, 0, 0, 0, 1, Map.of("active", 1L)));
  }

  @Test
  void anUpdateAddsMatchAfterMinusMatchBeforeOnlyForRulesListingIt() {
    CounterDelta d = deltas.of(USERS, Op.UPDATE, Optional.of(live("active", "silver")), live("inactive", "gold"));
    assertThat(d).isEqualTo(new CounterDelta(0, 1, 0, 0, 0, 0, Map.of("active", -1L, "vip", 1L)));
    // vip counts in users only.
    assertThat(deltas.of(ORDERS, Op.UPDATE, Optional.of(live("x", "silver")), live("x", "gold")).rules()).isEmpty();
  }

  @Test
  void aDeletedItemMatchesNothingAndLeavesLive() {
    ItemState gone = new ItemState(true, json(Map.of("status", "active")), Optional.empty());
    CounterDelta d = deltas.of(USERS, Op.DELETE, Optional.of(live("active", "gold")), gone);
    assertThat(d).isEqualTo(new CounterDelta(0, 0, 1, 0, 0, -1, Map.of("active", -1L)));
    CounterDelta back = deltas.of(USERS, Op.RESTORE, Optional.of(gone), live("active", "gold"));
    assertThat(back).isEqualTo(new CounterDelta(0, 0, 0, 0, 1, 1, Map.of("active", 1L)));
  }

  @Test
  void removalAndPresenceCoverEveryRuleThatApplies() {
    assertThat(deltas.presence(USERS, live("active", "gold")))
        .isEqualTo(new CounterDelta(0, 0, 0, 0, 0, 1, Map.of("active", 1L, "vip", 1L)));
    assertThat(deltas.removal(USERS, live("active", "gold")))
        .isEqualTo(new CounterDelta(0, 0, 0, 0, 0, -1, Map.of("active", -1L, "vip", -1L)));
    assertThat(deltas.needsPayload(USERS, Op.UPDATE)).isTrue();
    assertThat(deltas.needsPayload(USERS, Op.CREATE)).isFalse();
    assertThat(deltas.needsPayload(ORDERS)).isFalse();
  }

  @Test
  void aPayloadRuleWithoutThePayloadIsAProgrammingError() {
    ItemState noPayload = new ItemState(false, json(Map.of()), Optional.empty());
    assertThatThrownBy(() -> deltas.of(USERS, Op.UPDATE, Optional.empty(), noPayload))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vip");
  }
}
