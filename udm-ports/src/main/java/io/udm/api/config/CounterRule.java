package io.udm.api.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.MetaQuery;
import io.udm.api.Op;
import java.util.List;
import org.immutables.value.Value;

/**
 * A gauge: on each operation in {@link #on()}, it adds {@code match(after) - match(before)}, where
 * {@link #when()} is evaluated on meta or on the whole document per {@link #scope()}.
 */
@Value.Immutable
public abstract class CounterRule {
  public abstract String name();

  /** A {@link MetaQuery}-style predicate, as JSON. */
  public abstract ObjectNode when();

  public abstract List<Op> on();

  @Value.Default
  public RuleScope scope() {
    return RuleScope.META;
  }

  /** Collections the rule counts in; empty means every collection. */
  public abstract List<String> collections();

  /** The parsed predicate; invalid predicates are rejected when the config is built. */
  @Value.Lazy
  public MetaQuery predicate() {
    return MetaQuery.fromTree(when());
  }

  public static ImmutableCounterRule.Builder builder() {
    return ImmutableCounterRule.builder();
  }
}
