package io.udm.spi;

import io.udm.api.RouteContext;
import io.udm.api.error.StorageException;

/**
 * A commit asked a fenced collection version counter for a number: the collection is being moved
 * to another backend pair and takes no commit on this one. Transient: the writer re-reads the
 * placement and tries again where it points.
 */
public final class CollectionFencedException extends StorageException {
  private final transient RouteContext collection;

  public CollectionFencedException(RouteContext collection) {
    super("collection " + collection + " is being moved to another backend pair and takes no commit on this one;"
        + " nothing was written. Retry: the write goes to the pair the collection moves to once the move switches"
        + " (within seconds), or stays here if the move is abandoned", true);
    this.collection = collection;
  }

  public RouteContext collection() {
    return collection;
  }
}
