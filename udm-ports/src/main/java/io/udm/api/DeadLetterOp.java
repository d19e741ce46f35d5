package io.udm.api;

import java.time.Instant;
import java.util.Optional;

/** A queued write that used up its attempts. */
public record DeadLetterOp(
    String deadLetterId,
    String requestId,
    RouteContext context,
    Op op,
    Optional<String> itemId,
    int attempts,
    Instant failedAt,
    String lastError) {}
