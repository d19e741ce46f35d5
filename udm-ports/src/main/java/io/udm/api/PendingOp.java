package io.udm.api;

import java.time.Instant;
import java.util.Optional;

/** A queued write waiting for (another) attempt. */
public record PendingOp(
    String requestId,
    RouteContext context,
    Op op,
    Optional<String> itemId,
    int attempts,
    Instant enqueuedAt,
    Instant nextAttemptAt,
    Optional<String> lastError) {}
