package io.udm.app.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.app.Seeds;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Full jitter: each wait is uniform in [0, min(max, base * 2^(attempts - 1))]. */
class FullJitterBackoffTest {
  private static final int SAMPLES = 2000;

  @Test
  void theCeilingDoublesPerAttemptUpToTheMaximum() {
    FullJitterBackoff backoff = new FullJitterBackoff(2000, 60000, new SplittableRandom(1));

    assertThat(backoff.ceilingMs(1)).isEqualTo(2000);
    assertThat(backoff.ceilingMs(2)).isEqualTo(4000);
    assertThat(backoff.ceilingMs(5)).isEqualTo(32000);
    assertThat(backoff.ceilingMs(6)).isEqualTo(60000);
    assertThat(backoff.ceilingMs(64)).as("no overflow").isEqualTo(60000);
    assertThat(backoff.ceilingMs(Integer.MAX_VALUE)).isEqualTo(60000);
    assertThat(new FullJitterBackoff(1, Long.MAX_VALUE, new SplittableRandom(1)).ceilingMs(63))
        .isEqualTo(1L << 62);
  }

  @Test
  void everyDelayIsWithinItsAttemptsBoundsAndTheRangeIsUsed() {
    long seed = Seeds.seed("FullJitterBackoffTest");
    FullJitterBackoff backoff = new FullJitterBackoff(100, 1000, new SplittableRandom(seed));

    for (int attempts = 1; attempts <= 8; attempts++) {
      long ceiling = backoff.ceilingMs(attempts);
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int i = 0; i < SAMPLES; i++) {
        long delay = backoff.delayAfter(attempts).toMillis();
        assertThat(delay).as("attempt %d, seed %d", attempts, seed).isBetween(0L, ceiling);
        min = Math.min(min, delay);
        max = Math.max(max, delay);
      }
      // Full jitter, not "equal jitter": the whole range from zero to the ceiling is drawn.
      assertThat(min).as("smallest of %d draws after attempt %d, seed %d", SAMPLES, attempts, seed)
          .isLessThan(ceiling / 10 + 1);
      assertThat(max).as("largest of %d draws after attempt %d, seed %d", SAMPLES, attempts, seed)
          .isGreaterThan(ceiling - ceiling / 10 - 1);
    }
  }

  @Test
  void theSameSeedGivesTheSameDelays() {
    FullJitterBackoff a = new FullJitterBackoff(10, 500, new SplittableRandom(42));
    FullJitterBackoff b = new FullJitterBackoff(10, 500, new SplittableRandom(42));

    for (int attempts = 1; attempts < 10; attempts++) {
      Duration first = a.delayAfter(attempts);
      assertThat(b.delayAfter(attempts)).isEqualTo(first);
    }
  }
}
