package io.udm.api;

import java.util.List;

/**
 * One page of a collection's change feed, in cv order. Hand {@link #nextAfterCv()} back as the
 * next query's {@code afterCv}; an empty page means caught up for now.
 */
public record ChangePage(List<Change> changes, long nextAfterCv) {
  public ChangePage {
    changes = List.copyOf(changes);
  }
}
