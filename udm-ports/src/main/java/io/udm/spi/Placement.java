package io.udm.spi;

import io.udm.api.RouteContext;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a collection lives: the backend pair its reads and writes go to, and the move it is in, if
 * any. {@code revision} counts the placement's changes; {@link PlacementRegistry#replace} changes it
 * only from the revision it was read at, so two rebalancers never both act on one placement.
 */
public record Placement(RouteContext collection, String backendId, long revision, Optional<PlacementMove> move) {
  public Placement {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(backendId, "backendId");
    Objects.requireNonNull(move, "move");
    if (revision < 0) {
      throw new IllegalArgumentException("revision must be 0 or more, got " + revision);
    }
  }

  /** A collection's first placement. */
  public static Placement first(RouteContext collection, String backendId) {
    return new Placement(collection, backendId, 0, Optional.empty());
  }

  /** The key placements are listed in order of: {@code tenant/db/collection}. */
  public static String orderKey(RouteContext collection) {
    return collection.tenantId() + "/" + collection.dbName() + "/" + collection.collection();
  }

  /** The next revision of this placement, on {@code backendId}, in {@code move}. */
  public Placement next(String backendId, Optional<PlacementMove> move) {
    return new Placement(collection, backendId, revision + 1, move);
  }

  /** Whether a move is copying or fenced: the collection still lives on {@link #backendId()}. */
  public boolean moving() {
    return move.map(m -> m.phase() != MovePhase.CLEANUP).orElse(false);
  }

  /** Throws unless {@code next} is this placement's next revision, as {@link PlacementRegistry#replace} needs. */
  public void requireSuccessor(Placement next) {
    if (!next.collection().equals(collection) || next.revision() != revision + 1) {
      throw new IllegalArgumentException("a placement is replaced by its next revision of the same collection, got "
          + this + " -> " + next);
    }
  }
}
