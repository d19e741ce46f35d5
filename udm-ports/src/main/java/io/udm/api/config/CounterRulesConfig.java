package io.udm.api.config;

import java.util.List;
import org.immutables.value.Value;

@Value.Immutable
public abstract class CounterRulesConfig {
  public abstract List<CounterRule> rules();

  public static ImmutableCounterRulesConfig.Builder builder() {
    return ImmutableCounterRulesConfig.builder();
  }
}
