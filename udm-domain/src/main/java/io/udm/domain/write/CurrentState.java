package io.udm.domain.write;

import io.udm.api.SystemHeader;
import java.time.Instant;
import java.util.List;

/**
 * The committed state a write builds on: the item's newest version, and the paths where its
 * document holds content references.
 */
public record CurrentState(String objectId, long ov, Instant at, SystemHeader system, List<String> contentPaths) {
  public CurrentState {
    contentPaths = List.copyOf(contentPaths);
  }

  /** A state whose document holds no content references. */
  public CurrentState(String objectId, long ov, Instant at, SystemHeader system) {
    this(objectId, ov, at, system, List.of());
  }

  public boolean deleted() {
    return system.deleted();
  }
}
