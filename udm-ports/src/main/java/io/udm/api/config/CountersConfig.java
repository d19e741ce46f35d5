package io.udm.api.config;

import org.immutables.value.Value;

/** The MongoDB that holds counters, the placement registry and the fallback queue. */
@Value.Immutable
public abstract class CountersConfig {
  public abstract String mongoUri();

  @Value.Default
  public String dbName() {
    return "udm_counters";
  }

  public static ImmutableCountersConfig.Builder builder() {
    return ImmutableCountersConfig.builder();
  }

  @Override
  public String toString() {
    return "CountersConfig{mongoUri=" + Redaction.mongoUri(mongoUri()) + ", dbName=" + dbName() + "}";
  }
}
