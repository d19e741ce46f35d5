package io.udm.api;

/**
 * A configured backend pair, endpoints redacted of credentials: whether it is draining
 * ({@code routing.drain}: it takes no new collections and a rebalance empties it) and how many
 * collections are placed on it.
 */
public record BackendInfo(int index, String backendId, String mongoEndpoint, String s3Endpoint, boolean draining,
    long collections) {
  /** A pair as configured, not draining, its collections not counted (0). */
  public BackendInfo(int index, String backendId, String mongoEndpoint, String s3Endpoint) {
    this(index, backendId, mongoEndpoint, s3Endpoint, false, 0);
  }
}
