package io.udm.spi;

import io.udm.api.RouteContext;

/** Collection version (cv) counters: atomic, strictly increasing, gaps allowed. */
public interface SequenceStore {
  /**
   * Increments and returns the collection's counter (first call returns 1).
   *
   * @throws CollectionFencedException once the counter is fenced
   */
  long next(RouteContext collection);

  /**
   * Fences the counter: every later {@link #next} is refused, so no commit on this backend can
   * start. Returns the last number handed out; a number handed out before is either committed or
   * its writer's time to commit runs out (the change feed's writer bound). Idempotent.
   */
  long fence(RouteContext collection);

  /** Lifts a fence, if any, and raises the counter to at least {@code atLeast}. */
  void reopen(RouteContext collection, long atLeast);

  /** The last number handed out, 0 when none. */
  long current(RouteContext collection);
}
