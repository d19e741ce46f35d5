package io.udm.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Op;
import io.udm.api.RouteContext;
import java.time.Instant;
import java.util.Optional;

/**
 * A write waiting in the retry queue. {@code request} is the serialized request (document, options)
 * the worker replays; {@code leaseUntil} is set while a worker holds it.
 */
public record RetryOp(
    String requestId,
    RouteContext collection,
    Op op,
    Optional<String> itemId,
    ObjectNode request,
    int attempts,
    Instant enqueuedAt,
    Instant nextAttemptAt,
    Optional<Instant> leaseUntil,
    Optional<String> lastError) {
  public RetryOp {
    request = request.deepCopy();
  }

  @Override
  public ObjectNode request() {
    return request.deepCopy();
  }
}
