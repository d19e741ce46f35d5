package io.udm.spi;

import io.udm.api.RouteContext;
import java.time.Instant;
import java.util.Objects;

/**
 * A version's counter delta that the counters store applied, remembered there (by the version's
 * unique write id) until the version no longer owes it, so applying it a second time is refused.
 */
public record AppliedEffect(RouteContext collection, String objectId, long ov, String writeId, Instant appliedAt) {
  public AppliedEffect {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(writeId, "writeId");
    Objects.requireNonNull(appliedAt, "appliedAt");
    if (writeId.isBlank()) {
      throw new IllegalArgumentException("an applied effect needs the version's write id");
    }
  }

  public ItemKey key() {
    return new ItemKey(collection, objectId);
  }
}
