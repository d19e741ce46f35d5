package io.udm.domain.counters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Op;
import io.udm.api.RouteContext;
import io.udm.api.config.CounterRule;
import io.udm.api.config.RuleScope;
import io.udm.spi.CounterDelta;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How one committed operation changes a collection's counters (pure). The operation's own total
 * goes up by one; {@code live} follows the deleted state ({@code alive(after) - alive(before)});
 * each rule that applies to the collection and lists the operation adds {@code match(after) -
 * match(before)}, where a deleted item matches nothing.
 */
public final class CounterDeltas {
  private final List<CounterRule> rules;

  public CounterDeltas(List<CounterRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * An item's state as a rule sees it. {@code payload} is the stored document without {@code
   * _system}; it may be empty when no payload-scope rule needs it, or when the item is deleted.
   */
  public record ItemState(boolean deleted, ObjectNode meta, Optional<ObjectNode> payload) {
    public ItemState {
      Objects.requireNonNull(meta, "meta");
      Objects.requireNonNull(payload, "payload");
    }
  }

  /** Whether some rule for this collection and operation reads the payload. */
  public boolean needsPayload(RouteContext collection, Op op) {
    return rules.stream().anyMatch(r -> appliesTo(r, collection) && r.on().contains(op) && r.scope() == RuleScope.PAYLOAD);
  }

  /** Whether some rule for this collection reads the payload, whatever the operation. */
  public boolean needsPayload(RouteContext collection) {
    return rules.stream().anyMatch(r -> appliesTo(r, collection) && r.scope() == RuleScope.PAYLOAD);
  }

  /** The change one committed operation makes, from the state before (none for a new item) to after. */
  public CounterDelta of(RouteContext collection, Op op, Optional<ItemState> before, ItemState after) {
    Map<String, Long> gauges = new TreeMap<>();
    for (CounterRule rule : rules) {
      if (appliesTo(rule, collection) && rule.on().contains(op)) {
        long change = (matches(rule, after) ? 1 : 0) - (before.map(b -> matches(rule, b)).orElse(false) ? 1 : 0);
        if (change != 0) {
          gauges.put(rule.name(), change);
        }
      }
    }
    long live = alive(Optional.of(after)) - alive(before);
    return new CounterDelta(
        op == Op.CREATE ? 1 : 0, op == Op.UPDATE ? 1 : 0, op == Op.DELETE ? 1 : 0,
        op == Op.ENRICH ? 1 : 0, op == Op.RESTORE ? 1 : 0, live, gauges);
  }

  /** What removing an item for good (hard delete) takes away: its place in {@code live} and every rule it matched. */
  public CounterDelta removal(RouteContext collection, ItemState gone) {
    CounterDelta present = presence(collection, gone);
    Map<String, Long> gauges = new TreeMap<>();
    present.rules().forEach((k, v) -> gauges.put(k, -v));
    return new CounterDelta(0, 0, 0, 0, 0, -present.live(), gauges);
  }

  /** What one head contributes to the gauges a recount rebuilds: {@code live} and every rule that applies. */
  public CounterDelta presence(RouteContext collection, ItemState state) {
    Map<String, Long> gauges = new TreeMap<>();
    for (CounterRule rule : rules) {
      if (appliesTo(rule, collection) && matches(rule, state)) {
        gauges.put(rule.name(), 1L);
      }
    }
    return new CounterDelta(0, 0, 0, 0, 0, state.deleted() ? 0 : 1, gauges);
  }

  /** The rule names that count in this collection. */
  public List<String> ruleNames(RouteContext collection) {
    return rules.stream().filter(r -> appliesTo(r, collection)).map(CounterRule::name).toList();
  }

  private static boolean appliesTo(CounterRule rule, RouteContext collection) {
    return rule.collections().isEmpty() || rule.collections().contains(collection.collection());
  }

  private static boolean matches(CounterRule rule, ItemState state) {
    if (state.deleted()) {
      return false;
    }
    if (rule.scope() == RuleScope.META) {
      return rule.predicate().matches(state.meta());
    }
    return state.payload().map(p -> rule.predicate().matches(p)).orElseThrow(() -> new IllegalArgumentException(
        "rule '" + rule.name() + "' has scope payload but the item's payload was not provided"));
  }

  private static long alive(Optional<ItemState> state) {
    return state.map(s -> s.deleted() ? 0L : 1L).orElse(0L);
  }
}
