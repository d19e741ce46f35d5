package io.udm.domain.write;

import io.udm.api.SystemHeader;
import java.time.Instant;

/** The committed state a write builds on: the item's newest version. */
public record CurrentState(String objectId, long ov, Instant at, SystemHeader system) {
  public boolean deleted() {
    return system.deleted();
  }
}
