package io.udm.domain.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.domain.retention.RetentionPolicy.Stamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  private static List<Stamp> daily(int versions, int firstDaysAgo) {
    List<Stamp> out = new ArrayList<>();
    for (int i = 0; i < versions; i++) {
      out.add(new Stamp(i + 1, NOW.minus(Duration.ofDays(firstDaysAgo - i))));
    }
    return out;
  }

  private static RetentionPolicy policy(Integer days, Integer max) {
    return new RetentionPolicy(days == null ? OptionalInt.empty() : OptionalInt.of(days),
        max == null ? OptionalInt.empty() : OptionalInt.of(max));
  }

  @Test
  void versionsOlderThanTheDaysGoButNeverTheNewest() {
    // ovs 1..5 written 10, 9, 8, 7, 6 days ago; keep 8 days.
    assertThat(policy(8, null).prunable(daily(5, 10), NOW)).containsExactly(1L, 2L);
    // All older than a day: all but the newest go.
    assertThat(policy(1, null).prunable(daily(5, 10), NOW)).containsExactly(1L, 2L, 3L, 4L);
    assertThat(policy(1, null).prunable(daily(1, 100), NOW)).isEmpty();
  }

  @Test
  void versionsBeyondMaxPerItemGoOldestFirst() {
    assertThat(policy(null, 2).prunable(daily(5, 1), NOW)).containsExactly(1L, 2L, 3L);
    assertThat(policy(null, 5).prunable(daily(5, 1), NOW)).isEmpty();
    assertThat(policy(null, 1).prunable(daily(3, 1), NOW)).containsExactly(1L, 2L);
  }

  @Test
  void bothRulesApplyTogether() {
    assertThat(policy(8, 4).prunable(daily(5, 10), NOW)).containsExactly(1L, 2L);
    assertThat(policy(8, 2).prunable(daily(5, 10), NOW)).containsExactly(1L, 2L, 3L);
  }

  @Test
  void noRulesKeepEverything() {
    assertThat(policy(null, null).keepsEverything()).isTrue();
    assertThat(policy(null, null).prunable(daily(5, 1000), NOW)).isEmpty();
    assertThat(policy(1, null).prunable(List.of(), NOW)).isEmpty();
  }

  @Test
  void invalidLimitsAreRefused() {
    assertThatThrownBy(() -> policy(0, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> policy(null, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Whatever the history and limits: the newest stays, what goes is a prefix, and the limits hold. */
  @Test
  void prunedVersionsAreAlwaysAPrefixWithoutTheNewest() {
    long seed = Long.getLong("udm.seed", 7L);
    System.out.println("RetentionPolicyTest seed " + seed + " (rerun with -Dudm.seed=" + seed + ")");
    Random random = new Random(seed);
    for (int trial = 0; trial < 2_000; trial++) {
      int n = random.nextInt(12);
      List<Stamp> history = new ArrayList<>();
      Instant at = NOW.minus(Duration.ofDays(40));
      for (int i = 0; i < n; i++) {
        at = at.plus(Duration.ofHours(random.nextInt(24 * 8)));
        history.add(new Stamp(i + 1, at));
      }
      Integer days = random.nextBoolean() ? 1 + random.nextInt(30) : null;
      Integer max = random.nextBoolean() ? 1 + random.nextInt(6) : null;
      List<Long> pruned = policy(days, max).prunable(history, NOW);
      String why = "seed " + seed + " trial " + trial + " days " + days + " max " + max + " history " + history;

      for (int i = 0; i < pruned.size(); i++) {
        assertThat(pruned.get(i)).as(why).isEqualTo(i + 1L);
      }
      if (n > 0) {
        assertThat(pruned).as(why).doesNotContain((long) n);
      }
      int kept = n - pruned.size();
      if (max != null && n > 0) {
        assertThat(kept).as(why).isLessThanOrEqualTo(max);
      }
      for (Stamp s : history) {
        boolean old = days != null && s.at().isBefore(NOW.minus(Duration.ofDays(days)));
        if (old && s.ov() != n) {
          assertThat(pruned).as(why).contains(s.ov());
        }
        if (!pruned.contains(s.ov()) || s.ov() == n) {
          continue;
        }
        // Each pruned version is old, or beyond the count.
        boolean beyond = max != null && s.ov() <= n - max;
        assertThat(old || beyond).as(why).isTrue();
      }
    }
  }
}
