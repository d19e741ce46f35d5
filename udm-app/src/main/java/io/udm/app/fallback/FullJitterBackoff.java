package io.udm.app.fallback;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * "Full jitter" backoff (AWS Architecture Blog, "Exponential Backoff And Jitter"): the wait before
 * the next try is uniform in {@code [0, min(maxDelay, baseDelay * 2^(attempts - 1))]}, so the first
 * retry waits at most {@code baseDelay} and retries of many ops that failed together spread out
 * instead of hitting a recovering store at the same moment.
 */
public final class FullJitterBackoff {
  private final long baseDelayMs;
  private final long maxDelayMs;
  private final RandomGenerator random;

  public FullJitterBackoff(long baseDelayMs, long maxDelayMs, RandomGenerator random) {
    if (baseDelayMs < 1 || maxDelayMs < baseDelayMs) {
      throw new IllegalArgumentException(
          "need 1 <= baseDelayMs <= maxDelayMs, got " + baseDelayMs + " and " + maxDelayMs);
    }
    this.baseDelayMs = baseDelayMs;
    this.maxDelayMs = maxDelayMs;
    this.random = random;
  }

  /** The largest wait after {@code attempts} tries (1 or more); never overflows. */
  public long ceilingMs(int attempts) {
    int doublings = Math.max(0, attempts - 1);
    // Shifting maxDelayMs instead of baseDelayMs cannot overflow.
    if (doublings >= 63 || baseDelayMs > (maxDelayMs >> doublings)) {
      return maxDelayMs;
    }
    return Math.min(maxDelayMs, baseDelayMs << doublings);
  }

  /** A random wait in {@code [0, ceilingMs(attempts)]}. */
  public Duration delayAfter(int attempts) {
    long ceiling = ceilingMs(attempts);
    synchronized (random) {
      return Duration.ofMillis(random.nextLong(ceiling + 1));
    }
  }
}
