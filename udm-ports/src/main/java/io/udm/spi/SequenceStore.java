package io.udm.spi;

import io.udm.api.RouteContext;

/** Collection version (cv) counters: atomic, strictly increasing, gaps allowed. */
public interface SequenceStore {
  /**
   * Increments the collection's counter and returns the new value (first call returns 1), with the
   * collection's hard-delete mark, in one request.
   *
   * @throws CollectionFencedException once the counter is fenced
   */
  default CvDraw draw(RouteContext collection) {
    return draw(collection, "");
  }

  /**
   * {@link #draw(RouteContext)} by a named drawer (one process), in the same one request: the
   * counter keeps the name of the last drawer, and the answer says whether that was this one
   * ({@link CvDraw#followsOwnDraw}). An empty name is no one's: never said to follow its own draw.
   *
   * @throws CollectionFencedException once the counter is fenced
   */
  CvDraw draw(RouteContext collection, String drawer);

  /** {@link #draw}'s number alone. */
  default long next(RouteContext collection) {
    return draw(collection).cv();
  }

  /**
   * Marks the collection as one where an item was hard-deleted, for good: every later {@link #draw}
   * says so. Leaves the counter as it is, fenced or not.
   */
  void markHardDelete(RouteContext collection);

  /** Whether {@link #markHardDelete} was called for the collection. */
  boolean hardDeleteMarked(RouteContext collection);

  /**
   * Counts a run that removes or replaces the collection's records (retention, a hard delete, a
   * move in) as begun, before it changes anything; {@link #draw} reports the count. Leaves the
   * counter as it is, fenced or not.
   */
  void beginRewrite(RouteContext collection);

  /** Counts a run {@link #beginRewrite} counted as ended, after its last change. */
  void endRewrite(RouteContext collection);

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
