package io.udm.domain.changes;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a reader of the version log waits at a missing cv before giving up on it. A cv is drawn
 * before its version commits, so a reader can meet a committed cv 11 while cv 10 is still in
 * flight; moving past 10 then would skip it for good. So a reader holds at the gap until {@link
 * #HOLD} has passed since the next committed version's cv was drawn, then burns the missing cvs in
 * the log's unique cv index: from then on an append with one of them fails in the store, however
 * late it arrives, and its writer retries with a fresh cv (listed after the reader's position).
 *
 * <p>Exactness never depends on this time: it only decides how long a slow writer may take before
 * it has to draw again. A committed version is listed at most {@link #HOLD} (plus the reader's
 * polling) after its cv was drawn: every cv below it was drawn earlier, so its hold has run out by
 * then too.
 */
public final class FeedTiming {
  /** The reader's wait at a missing cv, from the next committed version's draw. */
  public static final Duration HOLD = Duration.ofSeconds(10);
  /** The longest a committed version waits, after its cv was drawn, before the feed lists it. */
  public static final Duration LONGEST_UNLISTED = HOLD;

  private FeedTiming() {}

  /** Whether a reader may give up on cvs missing below a version whose cv was drawn at {@code nextCvDrawnAt}. */
  public static boolean gapSettled(Instant nextCvDrawnAt, Instant now) {
    return !now.isBefore(nextCvDrawnAt.plus(HOLD));
  }
}
