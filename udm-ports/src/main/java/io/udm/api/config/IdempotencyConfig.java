package io.udm.api.config;

import org.immutables.value.Value;

/** How long request ids keep answering replays. */
@Value.Immutable
public abstract class IdempotencyConfig {
  public static final int DEFAULT_RETAIN_REQUEST_IDS_DAYS = 30;

  /**
   * How long, in days, the request id of a version retention pruned still answers a replay with
   * the first result (instead of writing again).
   */
  @Value.Default
  public int retainRequestIdsDays() {
    return DEFAULT_RETAIN_REQUEST_IDS_DAYS;
  }

  public static ImmutableIdempotencyConfig.Builder builder() {
    return ImmutableIdempotencyConfig.builder();
  }
}
