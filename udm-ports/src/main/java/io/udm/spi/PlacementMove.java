package io.udm.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A collection's move between backend pairs, as far as it got: copying to {@code toBackendId},
 * fenced on {@code fromBackendId} (no commit there any more), or switched and waiting to clean the
 * copy left on {@code fromBackendId}. {@code since} is when the phase began.
 */
public record PlacementMove(String fromBackendId, String toBackendId, MovePhase phase, Instant since) {
  public PlacementMove {
    Objects.requireNonNull(fromBackendId, "fromBackendId");
    Objects.requireNonNull(toBackendId, "toBackendId");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(since, "since");
    if (fromBackendId.equals(toBackendId)) {
      throw new IllegalArgumentException("a move needs two different backends, got " + fromBackendId + " twice");
    }
  }

  public PlacementMove in(MovePhase next, Instant at) {
    return new PlacementMove(fromBackendId, toBackendId, next, at);
  }
}
