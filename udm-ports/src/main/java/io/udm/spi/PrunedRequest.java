package io.udm.spi;

import io.udm.api.Op;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a request id still answers after retention pruned the version it made: enough to return
 * that first result to a replay (and to tell a different request under the same id), until
 * {@code expiresAt}.
 *
 * @param key the item the request wrote
 * @param requestHash the request's fingerprint, as on its version record
 */
public record PrunedRequest(
    ItemKey key, String requestId, Optional<String> requestHash, Op op, long ov, long cv, Instant at,
    List<String> functionIds, Instant expiresAt) {
  public PrunedRequest {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(requestHash, "requestHash");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(expiresAt, "expiresAt");
    functionIds = List.copyOf(functionIds);
  }

  /** The memo of {@code version}'s request id, kept until {@code expiresAt}. */
  public static PrunedRequest of(VersionRecord version, Instant expiresAt) {
    return new PrunedRequest(version.key(), version.requestId().orElseThrow(() -> new IllegalArgumentException(
        "version " + version.ov() + " of " + version.key() + " carries no request id")), version.requestHash(),
        version.op(), version.ov(), version.cv(), version.at(), version.system().functionIds(), expiresAt);
  }
}
