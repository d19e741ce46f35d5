package io.udm.domain.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Both LCS methods of {@link ArrayAlignment} against the textbook O(N*M) table on seeded random id
 * sequences (printed seed, {@code -Dudm.seed=N} replays): what they keep is a common subsequence
 * (equal ids, increasing on both sides) and a longest one.
 */
class ArrayAlignmentTest {
  private static final long SEED = Long.getLong("udm.seed", 20261210L);

  @Test
  void theBitParallelTableFindsALongestCommonSubsequence() {
    System.out.println("ArrayAlignmentTest seed " + SEED + " (rerun with -Dudm.seed=" + SEED + ")");
    Random random = new Random(SEED);
    for (int pair = 0; pair < 3_000; pair++) {
      int[][] sequences = sequences(random, 1 + random.nextInt(pair < 2_000 ? 12 : 200), 1 + random.nextInt(200));
      int[] kept = kept(sequences[0].length);
      ArrayAlignment.lcs(ids(sequences), sequences[0].length, sequences[1].length, 0, unlimited(), kept);
      assertLongestCommon(sequences, kept, pair);
    }
  }

  @Test
  void myersFindsALongestCommonSubsequence() {
    Random random = new Random(SEED + 1);
    for (int pair = 0; pair < 3_000; pair++) {
      int[][] sequences = pair % 2 == 0
          ? sequences(random, 1 + random.nextInt(8), 1 + random.nextInt(60))
          : edited(random, 1 + random.nextInt(400), random.nextInt(12));
      int[] kept = kept(sequences[0].length);
      ArrayAlignment.fewEdits(ids(sequences), sequences[0].length, sequences[1].length, 0, unlimited(), kept);
      assertLongestCommon(sequences, kept, pair);
    }
  }

  @Test
  void myersGivesUpPastItsTrace() {
    // 3,000 elements replaced by 3,000 others: 6,000 edits, past the trace's 1,447.
    int[][] sequences = {new int[3_000], new int[3_000]};
    Arrays.fill(sequences[1], 1);
    DiffWork work = unlimited();

    assertThatThrownBy(() -> ArrayAlignment.fewEdits(ids(sequences), 3_000, 3_000, 0, work, kept(3_000)))
        .isInstanceOf(DiffWork.OverBudget.class);
  }

  private static void assertLongestCommon(int[][] sequences, int[] kept, int pair) {
    int[] a = sequences[0];
    int[] b = sequences[1];
    Supplier<String> what = () -> "pair " + pair + " (seed " + SEED + "): " + Arrays.toString(a) + " / "
        + Arrays.toString(b) + " kept as " + Arrays.toString(kept);
    int lastJ = -1;
    int length = 0;
    for (int i = 0; i < a.length; i++) {
      if (kept[i] >= 0) {
        assertThat(kept[i]).as(what).isGreaterThan(lastJ);
        assertThat(b[kept[i]]).as(what).isEqualTo(a[i]);
        lastJ = kept[i];
        length++;
      }
    }
    assertThat(length).as(what).isEqualTo(referenceLcs(a, b));
  }

  private static int referenceLcs(int[] a, int[] b) {
    int[][] table = new int[a.length + 1][b.length + 1];
    for (int i = 1; i <= a.length; i++) {
      for (int j = 1; j <= b.length; j++) {
        table[i][j] = a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1 : Math.max(table[i - 1][j], table[i][j - 1]);
      }
    }
    return table[a.length][b.length];
  }

  /** Two random sequences over {@code alphabet} ids, each at most {@code length} long. */
  private static int[][] sequences(Random random, int alphabet, int length) {
    int[][] sequences = new int[2][];
    for (int s = 0; s < 2; s++) {
      sequences[s] = new int[random.nextInt(length + 1)];
      for (int i = 0; i < sequences[s].length; i++) {
        sequences[s][i] = random.nextInt(alphabet);
      }
    }
    return sequences;
  }

  /** A sequence and a copy with a few elements inserted, removed or changed (ids from a small alphabet). */
  private static int[][] edited(Random random, int length, int edits) {
    int[] a = new int[length];
    for (int i = 0; i < length; i++) {
      a[i] = random.nextInt(20);
    }
    int[] b = a.clone();
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(b.length + 1);
      int kind = random.nextInt(3);
      if (kind == 0 || b.length == 0) {
        int[] longer = new int[b.length + 1];
        System.arraycopy(b, 0, longer, 0, at);
        longer[at] = random.nextInt(20);
        System.arraycopy(b, at, longer, at + 1, b.length - at);
        b = longer;
      } else if (kind == 1 && at < b.length) {
        int[] shorter = new int[b.length - 1];
        System.arraycopy(b, 0, shorter, 0, at);
        System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
        b = shorter;
      } else if (at < b.length) {
        b[at] = random.nextInt(20);
      }
    }
    return new int[][] {a, b};
  }

  private static int[] ids(int[][] sequences) {
    int[] ids = new int[sequences[0].length + sequences[1].length];
    System.arraycopy(sequences[0], 0, ids, 0, sequences[0].length);
    System.arraycopy(sequences[1], 0, ids, sequences[0].length, sequences[1].length);
    return ids;
  }

  private static int[] kept(int length) {
    int[] kept = new int[length];
    Arrays.fill(kept, -1);
    return kept;
  }

  private static DiffWork unlimited() {
    return new DiffWork(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4);
  }
}
