package io.udm.domain.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The work one diff may spend on arrays, and the counted steps that spend it: node visits (hashing
 * an element, comparing two), probes of the element table, words of an LCS table, steps of Myers'
 * algorithm and ops of the patch, each paid before it is done (a comparison that finds a change,
 * right after), so {@link #spent()} never passes the budget. A charge the current ceiling cannot pay
 * throws {@link OverBudget}: the array being aligned is then replaced whole.
 *
 * <p>While one array pair is aligned ({@link #beginArray()} to {@link #endArray()}) the ceiling is
 * lower: the array may spend at most {@code arrayCap}, and at most half of what is left. So large
 * arrays cannot use the whole budget up between them and leave every smaller array after them to be
 * replaced whole: what is left halves at worst with each, and an array is funded while it costs at
 * most half of what is left, the largest being the first to go without.
 */
final class DiffWork {
  /** The alignment under way cannot be paid for; thrown without a stack trace. */
  static final class OverBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OverBudget() {
      super("over the diff's work budget", null, false, false);
    }
  }

  /** A comparison ran out of its allowance before it found a difference. */
  private static final class Undecided extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Undecided() {
      super("undecided within the allowance", null, false, false);
    }
  }

  private static final OverBudget OVER = new OverBudget();
  private static final Undecided UNDECIDED = new Undecided();
  private static final long OBJECT = 0x6a09e667f3bcc908L;
  private static final long ARRAY = 0xbb67ae8584caa73bL;
  private static final long TEXT = 0x3c6ef372fe94f82bL;
  private static final long ODD = 0x9e3779b97f4a7c15L;

  private final long limit;
  private final long arrayCap;
  private long spent;
  private long ceiling;
  private long visited;
  private long allowance = Long.MAX_VALUE;

  DiffWork(long limit, long arrayCap) {
    this.limit = limit;
    this.arrayCap = arrayCap;
    this.ceiling = limit;
  }

  long spent() {
    return spent;
  }

  /** Nothing is left: every further array that differs is replaced whole without being compared. */
  boolean exhausted() {
    return spent >= limit;
  }

  void beginArray() {
    ceiling = spent + Math.min(arrayCap, (limit - spent) / 2);
  }

  void endArray() {
    ceiling = limit;
  }

  /** Pays {@code units} before the work they stand for, or throws {@link OverBudget}. */
  void charge(long units) {
    if (!pays(units)) {
      throw OVER;
    }
  }

  /** Pays {@code units} if the ceiling allows, and says whether it did. */
  boolean pays(long units) {
    if (units > ceiling - spent) {
      return false;
    }
    spent += units;
    return true;
  }

  /** How much is left under the current ceiling. */
  long left() {
    return ceiling - spent;
  }

  /** {@code x.equals(y)}, as Jackson decides it, paid a unit a node visited (strings by length) as it goes. */
  boolean same(JsonNode x, JsonNode y) {
    return equal(x, y, true);
  }

  /** What a comparison within an allowance found. */
  enum Verdict { EQUAL, DIFFERENT, UNDECIDED }

  /**
   * {@link #same}, but it stops, {@code UNDECIDED}, after visiting {@code allowance} units of nodes
   * that were all equal so far, and it is paid only when it finds a difference, after the comparison
   * (an undecided one is for the caller to pay or not). For array elements that are kept when equal
   * and never compared again: what a diff spends finding elements equal is linear in the documents'
   * size, what it spends finding a change may repeat at every depth, and is paid.
   */
  Verdict compare(JsonNode x, JsonNode y, long allowance) {
    visited = 0;
    this.allowance = allowance;
    try {
      if (equal(x, y, false)) {
        return Verdict.EQUAL;
      }
      if (!pays(visited)) {
        // Done already and past the ceiling: the alignment ends here, having used all it could.
        spent = ceiling;
        throw OVER;
      }
      return Verdict.DIFFERENT;
    } catch (Undecided e) {
      return Verdict.UNDECIDED;
    } finally {
      this.allowance = Long.MAX_VALUE;
    }
  }

  private boolean equal(JsonNode x, JsonNode y, boolean pay) {
    visit(1, pay);
    if (x == y) {
      return true;
    }
    if (x.isObject()) {
      if (!y.isObject() || x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : x.properties()) {
        JsonNode other = y.get(field.getKey());
        if (other == null || !equal(field.getValue(), other, pay)) {
          return false;
        }
      }
      return true;
    }
    if (x.isArray()) {
      if (!y.isArray() || x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!equal(x.get(i), y.get(i), pay)) {
          return false;
        }
      }
      return true;
    }
    if (y.isContainerNode()) {
      return false;
    }
    visit(textUnits(x), pay);
    return x.equals(y);
  }

  private void visit(long units, boolean pay) {
    if (pay) {
      charge(units);
    } else {
      visited += units;
      if (visited > allowance) {
        throw UNDECIDED;
      }
    }
  }

  /**
   * A 64-bit hash that equal nodes share ({@link #same}): objects regardless of key order, arrays by
   * position, scalars by Jackson's own {@code hashCode}. One unit a node visited.
   */
  long hash(JsonNode x) {
    charge(1);
    if (x.isObject()) {
      long h = OBJECT ^ x.size();
      for (Map.Entry<String, JsonNode> field : x.properties()) {
        h += mix(field.getKey().hashCode() * ODD + hash(field.getValue()));
      }
      return mix(h);
    }
    if (x.isArray()) {
      long h = ARRAY ^ x.size();
      for (int i = 0; i < x.size(); i++) {
        h = (h + hash(x.get(i))) * ODD;
      }
      return mix(h);
    }
    charge(textUnits(x));
    return mix(x.isTextual() ? TEXT ^ x.hashCode() : ((long) x.getNodeType().ordinal() << 32) ^ x.hashCode());
  }

  /** A long string costs more than one unit to hash or compare: one more per 64 characters. */
  private static long textUnits(JsonNode x) {
    return x.isTextual() ? x.textValue().length() >> 6 : 0;
  }

  /** The finalizer of MurmurHash3 (fmix64): every input bit reaches every output bit. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
