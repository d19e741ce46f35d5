package io.udm.spi;

import io.udm.api.RouteContext;

/** Collection version (cv) counters: atomic, strictly increasing, gaps allowed. */
public interface SequenceStore {
  /** Increments and returns the collection's counter (first call returns 1). */
  long next(RouteContext collection);

  /** The last number handed out, 0 when none. */
  long current(RouteContext collection);
}
