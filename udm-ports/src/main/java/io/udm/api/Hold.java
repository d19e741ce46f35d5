package io.udm.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A legal hold on one item ({@code itemId} present) or on a whole collection (empty): retention
 * prunes nothing of what it covers and a hard delete of it is refused ({@link
 * io.udm.api.error.LegalHoldException}) until it is released. Writes and reads go on.
 */
public record Hold(String holdId, RouteContext context, Optional<String> itemId, String reason, Instant placedAt) {
  public Hold {
    Objects.requireNonNull(holdId, "holdId");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(placedAt, "placedAt");
  }

  /** Whether this hold covers item {@code id} of its collection. */
  public boolean covers(String id) {
    return itemId.map(id::equals).orElse(true);
  }

  /** How to name it in a message: its id, what it covers and why. */
  public String describe() {
    return "legal hold " + holdId + " on " + itemId.map(i -> "item '" + i + "' of ").orElse("collection ") + context
        + " (" + reason + ")";
  }
}
