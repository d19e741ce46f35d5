package io.udm.domain.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * Which elements of one array stay, as which elements of another: a longest common subsequence,
 * paid for out of a {@link DiffWork}. The common prefix and suffix are matched first (an array with
 * one run of changes costs what that run costs); the middles left get element ids (a hash a node,
 * one comparison an element: equal elements share an id) and an LCS over the ids: a table computed
 * 64 cells a machine word (the bit-parallel LCS of Allison and Dix, as Hyyrö writes it) while it
 * fits in {@link #MAX_TABLE_WORDS}, else Myers' O(ND) algorithm, for long arrays with few edits.
 * Anything past its caps or the budget: null, and the array is replaced whole.
 */
final class ArrayAlignment {
  /** Words of one LCS table at most (8 MiB, 2^26 cells); an array whose table is larger is replaced whole. */
  static final int MAX_TABLE_WORDS = 1 << 20;

  /** Table words one unit of work pays for: a word of 64 cells costs less than one node visited. */
  static final int WORDS_PER_UNIT = 4;

  /** Ints of the frontiers Myers' algorithm keeps for its way back at most (8 MiB: 1,447 edits). */
  static final long MAX_TRACE = 1L << 21;

  /** Units a comparison at either end of an array may visit before it is left undecided. */
  static final long ALLOWANCE = 64;

  /** An element whose id occurs this often along the bits gets its match mask built once. */
  private static final int DENSE = 64;

  private ArrayAlignment() {}

  /**
   * For each element of {@code from}, the index of the element of {@code to} it stays as, or -1 for
   * one that is removed or changed (increasing where set); null when the work left cannot pay for
   * the alignment, and the array is to be replaced whole.
   */
  static int[] align(JsonNode from, JsonNode to, DiffWork work) {
    int n = from.size();
    int m = to.size();
    int[] kept = new int[n];
    Arrays.fill(kept, -1);
    if (n == 1 && m == 1) {
      // One element each: paired whatever they are, so nothing is compared here (a nest of
      // one-element arrays costs nothing at any depth).
      return kept;
    }
    if (work.exhausted()) {
      return null;
    }
    work.beginArray();
    try {
      Ends ends = new Ends(from, to, kept, work);
      ends.match();
      int rows = n - ends.prefix - ends.suffix;
      int columns = m - ends.prefix - ends.suffix;
      if (rows > 0 && columns > 0 && (rows > 1 || columns > 1)) {
        int[] ids = ids(from, to, ends.prefix, rows, columns, work);
        if (ids != null) {
          long words = (long) Math.min(rows, columns) * ((Math.max(rows, columns) + 63) >>> 6);
          if (words <= MAX_TABLE_WORDS) {
            lcs(ids, rows, columns, ends.prefix, work, kept);
          } else {
            fewEdits(ids, rows, columns, ends.prefix, work, kept);
          }
        }
      }
      return kept;
    } catch (DiffWork.OverBudget e) {
      return null;
    } finally {
      work.endArray();
    }
  }

  /**
   * The common prefix and suffix, matched into {@code kept}. Each end is compared a pair at a time,
   * within {@link #ALLOWANCE} units, until a pair differs or is left undecided (both elements large).
   * When the middle left is one element each, an undecided pair is simply paired (the diff of the two
   * finds out), so an array holding one large changed element never has it compared here in full;
   * otherwise an undecided end is compared in full and the ends move on if it was equal.
   */
  private static final class Ends {
    private final JsonNode from;
    private final JsonNode to;
    private final int n;
    private final int m;
    private final int[] kept;
    private final DiffWork work;
    int prefix;
    int suffix;
    /** Why an end stopped; null while it may move on. */
    private DiffWork.Verdict atPrefix;
    private DiffWork.Verdict atSuffix;

    Ends(JsonNode from, JsonNode to, int[] kept, DiffWork work) {
      this.from = from;
      this.to = to;
      this.n = from.size();
      this.m = to.size();
      this.kept = kept;
      this.work = work;
    }

    void match() {
      while (true) {
        while (atPrefix == null && prefix < n - suffix && prefix < m - suffix) {
          prefixStep(ALLOWANCE);
        }
        // Short of the prefix's stopping pair, which is the next suffix pair when one element each is left.
        while (atSuffix == null && suffix < n - prefix && suffix < m - prefix && !(atPrefix != null && middle(1))) {
          suffixStep(ALLOWANCE);
        }
        if (middle(1) || prefix + suffix == Math.min(n, m)) {
          break;
        }
        if (atPrefix == DiffWork.Verdict.UNDECIDED) {
          prefixStep(Long.MAX_VALUE);
        } else if (atSuffix == DiffWork.Verdict.UNDECIDED) {
          suffixStep(Long.MAX_VALUE);
        } else {
          break;
        }
      }
      if (atPrefix == DiffWork.Verdict.UNDECIDED || atSuffix == DiffWork.Verdict.UNDECIDED) {
        // Left undecided (only ever the one pair in the middle): the allowance it used is paid.
        work.charge(ALLOWANCE);
      }
    }

    private void prefixStep(long allowance) {
      atPrefix = stop(work.compare(from.get(prefix), to.get(prefix), allowance));
      if (atPrefix == null) {
        kept[prefix] = prefix;
        prefix++;
      }
    }

    private void suffixStep(long allowance) {
      atSuffix = stop(work.compare(from.get(n - 1 - suffix), to.get(m - 1 - suffix), allowance));
      if (atSuffix == null) {
        kept[n - 1 - suffix] = m - 1 - suffix;
        suffix++;
      }
    }

    /** The middle left is {@code k} elements on each side. */
    private boolean middle(int k) {
      return n - prefix - suffix == k && m - prefix - suffix == k;
    }

    private static DiffWork.Verdict stop(DiffWork.Verdict verdict) {
      return verdict == DiffWork.Verdict.EQUAL ? null : verdict;
    }
  }

  /**
   * Element ids, equal exactly where the elements are equal: the {@code rows} elements of {@code
   * from} from {@code at} first, then the {@code columns} of {@code to}. Null when no element of one
   * is in the other: nothing is kept, and no table is needed.
   */
  private static int[] ids(JsonNode from, JsonNode to, int at, int rows, int columns, DiffWork work) {
    int total = rows + columns;
    if (2L * total > work.left()) {
      // A hash and a probe an element at the least: known unaffordable before any is spent.
      throw new DiffWork.OverBudget();
    }
    long[] hashes = new long[total];
    for (int t = 0; t < total; t++) {
      hashes[t] = work.hash(element(from, to, at, rows, t));
    }
    int mask = Integer.highestOneBit(total) * 4 - 1;
    int[] slots = new int[mask + 1];
    Arrays.fill(slots, -1);
    int[] ids = new int[total];
    int next = 0;
    for (int t = 0; t < total; t++) {
      int slot = (int) hashes[t] & mask;
      while (true) {
        work.charge(1);
        int held = slots[slot];
        if (held < 0) {
          slots[slot] = t;
          ids[t] = next++;
          break;
        }
        if (hashes[held] == hashes[t]
            && work.same(element(from, to, at, rows, held), element(from, to, at, rows, t))) {
          ids[t] = ids[held];
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    boolean[] inFrom = new boolean[next];
    for (int t = 0; t < rows; t++) {
      inFrom[ids[t]] = true;
    }
    for (int t = rows; t < total; t++) {
      if (inFrom[ids[t]]) {
        return ids;
      }
    }
    return null;
  }

  private static JsonNode element(JsonNode from, JsonNode to, int at, int rows, int t) {
    return t < rows ? from.get(at + t) : to.get(at + t - rows);
  }

  /**
   * The LCS of the two middles ({@code ids[0, rows)} and {@code ids[rows, rows + columns)}), written
   * into {@code kept} shifted by {@code at}. The longer middle lies along the bits of a vector, the
   * shorter is stepped through: after step s, bit i of the vector is 0 exactly where the LCS of the
   * first s stepped elements and the first i + 1 elements along the bits is one longer than with the
   * first i, which is all the way back needs.
   */
  static void lcs(int[] ids, int rows, int columns, int at, DiffWork work, int[] kept) {
    boolean fromAlongBits = rows >= columns;
    int bits = Math.max(rows, columns);
    int steps = Math.min(rows, columns);
    int bitsFrom = fromAlongBits ? 0 : rows;
    int stepsFrom = fromAlongBits ? rows : 0;
    int words = (bits + 63) >>> 6;
    // The positions along the bits, grouped by id.
    int distinct = 0;
    for (int id : ids) {
      distinct = Math.max(distinct, id + 1);
    }
    int[] start = new int[distinct + 1];
    for (int i = 0; i < bits; i++) {
      start[ids[bitsFrom + i] + 1]++;
    }
    for (int id = 0; id < distinct; id++) {
      start[id + 1] += start[id];
    }
    int[] positions = new int[bits];
    int[] fill = Arrays.copyOf(start, distinct);
    for (int i = 0; i < bits; i++) {
      positions[fill[ids[bitsFrom + i]]++] = i;
    }
    long cost = 0;
    boolean[] dense = new boolean[distinct];
    for (int s = 0; s < steps; s++) {
      int id = ids[stepsFrom + s];
      int count = start[id + 1] - start[id];
      if (count >= DENSE && !dense[id]) {
        dense[id] = true;
        cost += words + count;
      }
      cost += words + (count >= DENSE ? 0 : 2L * count);
    }
    work.charge(cost / WORDS_PER_UNIT + 1);

    long[] table = new long[steps * words];
    long[][] masks = new long[distinct][];
    long[] scratch = new long[words];
    long[] ones = new long[words];
    Arrays.fill(ones, -1L);
    for (int s = 0; s < steps; s++) {
      int id = ids[stepsFrom + s];
      int count = start[id + 1] - start[id];
      long[] previous = s == 0 ? ones : table;
      int from = s == 0 ? 0 : (s - 1) * words;
      int row = s * words;
      long[] match = scratch;
      if (count >= DENSE) {
        if (masks[id] == null) {
          masks[id] = new long[words];
          setBits(masks[id], positions, start[id], start[id + 1]);
        }
        match = masks[id];
      } else {
        setBits(scratch, positions, start[id], start[id + 1]);
      }
      long carry = 0;
      for (int w = 0; w < words; w++) {
        long v = previous[from + w];
        long u = v & match[w];
        long sum = v + u + carry;
        carry = ((v & u) | ((v | u) & ~sum)) >>> 63;
        table[row + w] = sum | (v & ~u);
      }
      if (count < DENSE) {
        for (int p = start[id]; p < start[id + 1]; p++) {
          scratch[positions[p] >>> 6] = 0;
        }
      }
    }
    int i = bits;
    int s = steps;
    while (i > 0 && s > 0) {
      if (ids[bitsFrom + i - 1] == ids[stepsFrom + s - 1]) {
        i--;
        s--;
        if (fromAlongBits) {
          kept[at + i] = at + s;
        } else {
          kept[at + s] = at + i;
        }
      } else if ((table[(s - 1) * words + ((i - 1) >>> 6)] >>> ((i - 1) & 63) & 1) != 0) {
        i--;
      } else {
        s--;
      }
    }
  }

  /**
   * The LCS of two middles too long for a table, when they differ by few edits: Myers' greedy
   * shortest edit script ("An O(ND) Difference Algorithm", 1986), which costs about (N + M + D^2)
   * steps for D elements added or removed, and keeps the frontier of each round, (D + 1)^2 ints at
   * most {@link #MAX_TRACE}, for the way back. More edits than that: over budget.
   */
  static void fewEdits(int[] ids, int rows, int columns, int at, DiffWork work, int[] kept) {
    int maxEdits = (int) Math.min(rows + (long) columns, (long) Math.sqrt(MAX_TRACE) - 1);
    int offset = maxEdits + 1;
    int[] frontier = new int[2 * maxEdits + 3];
    int[][] trace = new int[maxEdits + 1][];
    int edits = -1;
    for (int d = 0; d <= maxEdits && edits < 0; d++) {
      work.charge((2L * d + 2) / WORDS_PER_UNIT + 1);
      for (int k = -d; k <= d; k += 2) {
        int x = k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1])
            ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1;
        int y = x - k;
        int start = x;
        while (x < rows && y < columns && ids[x] == ids[rows + y]) {
          x++;
          y++;
        }
        work.charge((x - start) / WORDS_PER_UNIT);
        frontier[offset + k] = x;
        if (x >= rows && y >= columns) {
          edits = d;
        }
      }
      trace[d] = Arrays.copyOfRange(frontier, offset - d, offset + d + 1);
    }
    if (edits < 0) {
      throw new DiffWork.OverBudget();
    }
    int x = rows;
    int y = columns;
    for (int d = edits; d > 0; d--) {
      int[] before = trace[d - 1];
      int k = x - y;
      boolean down = k == -d || (k != d && before[k - 1 + d - 1] < before[k + 1 + d - 1]);
      int previousK = down ? k + 1 : k - 1;
      int previousX = before[previousK + d - 1];
      int middleX = down ? previousX : previousX + 1;
      while (x > middleX) {
        x--;
        y--;
        kept[at + x] = at + y;
      }
      x = previousX;
      y = previousX - previousK;
    }
    while (x > 0) {
      x--;
      y--;
      kept[at + x] = at + y;
    }
  }

  private static void setBits(long[] mask, int[] positions, int from, int to) {
    for (int p = from; p < to; p++) {
      mask[positions[p] >>> 6] |= 1L << positions[p];
    }
  }
}
