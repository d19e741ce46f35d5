package io.udm.domain.changes;

import java.time.Duration;
import java.time.Instant;

/**
 * When a cv the change feed has not seen can no longer commit. A cv is drawn before its version
 * commits, so a reader can meet a committed cv 11 while cv 10 is still in flight; moving past 10
 * then would skip it for good. Two rules close that:
 *
 * <ul>
 *   <li>a writer appends its version at most {@link #WRITER_BOUND} after it asked for the cv
 *       (measured on its own monotonic clock from before the request), and otherwise commits
 *       nothing;
 *   <li>a reader that finds cvs missing below a committed version {@code r} treats them as
 *       settled (burned by a failed write, or pruned, or hard-deleted) once its clock is past
 *       {@code r.cvDrawnAt + WRITER_BOUND + CLOCK_SKEW}: a missing cv was drawn before {@code r}'s,
 *       so its writer's deadline has passed, allowing writers' and readers' clocks to differ by up
 *       to {@link #CLOCK_SKEW}.
 * </ul>
 *
 * So a committed version waits at most {@link #LONGEST_UNLISTED} after its cv was drawn before
 * the feed lists it, and a reader never waits longer at a gap.
 */
public final class FeedTiming {
  public static final Duration WRITER_BOUND = Duration.ofSeconds(5);
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
  public static final Duration LONGEST_UNLISTED = WRITER_BOUND.plus(CLOCK_SKEW);

  private FeedTiming() {}

  /** Whether a writer that asked for its cv {@code elapsed} ago may still append. */
  public static boolean writerMayAppend(Duration elapsed) {
    return elapsed.compareTo(WRITER_BOUND) <= 0;
  }

  /** Whether cvs missing below a version whose cv was drawn at {@code nextCvDrawnAt} can no longer commit. */
  public static boolean gapSettled(Instant nextCvDrawnAt, Instant now) {
    return !now.isBefore(nextCvDrawnAt.plus(LONGEST_UNLISTED));
  }
}
