package io.udm.api.config;

import org.immutables.value.Value;

/** How collections are spread over backend pairs. */
@Value.Immutable
public abstract class RoutingConfig {
  public static final String RENDEZVOUS = "rendezvous";
  public static final String DEFAULT_CHOOSE_KEY = "tenantId|dbName|collection";

  /** Only {@code rendezvous} (highest random weight) is supported. */
  @Value.Default
  public String hashAlgo() {
    return RENDEZVOUS;
  }

  /** {@code |}-separated parts of the routing key, from tenantId, dbName, collection. */
  @Value.Default
  public String chooseKey() {
    return DEFAULT_CHOOSE_KEY;
  }

  public static ImmutableRoutingConfig.Builder builder() {
    return ImmutableRoutingConfig.builder();
  }
}
