package io.udm.domain.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;
import io.udm.api.json.JsonValues;
import java.util.Map;

/**
 * RFC 6902 JSON Patches between two documents, made of {@code add}, {@code remove} and {@code
 * replace} only. Objects are compared key by key; arrays element by element ({@link
 * ArrayAlignment}: common prefix and suffix, then a longest common subsequence of the rest), the
 * elements paired as changed being diffed in turn.
 *
 * <p>A diff's work is bounded whatever the documents. What is linear in their size is done as it
 * comes: walking both, finding the equal elements at the ends of arrays, copying the values the
 * patch carries. Everything that could grow faster, because it may repeat at every depth or grows
 * with the product of two arrays' lengths, is paid out of one budget of {@link #WORK_BUDGET} units:
 * a unit is a node visited to hash an element or to find a change, a probe of the element table,
 * {@value ArrayAlignment#WORDS_PER_UNIT} words of an LCS table or steps of Myers' algorithm; an op
 * for one array element costs {@link #OP_UNITS}. One array may spend at most {@link
 * #ARRAY_WORK_CAP} and at most half of what is left. An array the budget cannot pay for is replaced
 * whole (so are arrays most of whose elements change: one op says it in fewer); the patch is exact
 * either way: applied to {@code from} it gives {@code to}.
 */
public final class JsonDiffs {
  /** The units one diff may spend: all of them take about half a second of one core (bench/diff-results.md). */
  public static final long WORK_BUDGET = 32_000_000;

  /** The units the alignment of one array may spend (nested arrays are aligned apart, each within its own cap). */
  public static final long ARRAY_WORK_CAP = WORK_BUDGET / 4;

  /** The units an op for one element of an array costs (an add, a remove, a replace): the patch is work too. */
  public static final long OP_UNITS = 16;

  /**
   * A patch and what it cost: {@code work} units of the budget, and how many arrays were replaced
   * whole because the budget could not pay for their alignment.
   */
  public record Measured(ArrayNode patch, long work, int arraysReplacedWhole) {}

  private final DiffWork work;
  private final ArrayNode patch = JsonValues.NODES.arrayNode();
  private int replacedWhole;

  private JsonDiffs(DiffWork work) {
    this.work = work;
  }

  /** The patch that turns {@code from} into {@code to}. */
  public static ArrayNode diff(JsonNode from, JsonNode to) {
    return measure(from, to).patch();
  }

  /** {@link #diff} with the work it spent, for benchmarks and tests. */
  public static Measured measure(JsonNode from, JsonNode to) {
    return measure(from, to, WORK_BUDGET, ARRAY_WORK_CAP);
  }

  static Measured measure(JsonNode from, JsonNode to, long budget, long arrayCap) {
    JsonDiffs diff = new JsonDiffs(new DiffWork(budget, arrayCap));
    diff.node(from, to, "");
    return new Measured(diff.patch, diff.work.spent(), diff.replacedWhole);
  }

  /** {@code patch} applied to a copy of {@code document}. */
  public static JsonNode apply(ArrayNode patch, JsonNode document) {
    return JsonPatch.apply(patch, document);
  }

  private void node(JsonNode from, JsonNode to, String path) {
    if (from == to) {
      return;
    }
    if (from.isObject() && to.isObject()) {
      objects(from, to, path);
    } else if (from.isArray() && to.isArray()) {
      arrays(from, to, path);
    } else if (!from.equals(to)) {
      replace(path, to);
    }
  }

  private void objects(JsonNode from, JsonNode to, String path) {
    for (Map.Entry<String, JsonNode> field : from.properties()) {
      String childPath = path + "/" + escape(field.getKey());
      JsonNode target = to.get(field.getKey());
      if (target == null) {
        patch.add(op("remove", childPath));
      } else {
        node(field.getValue(), target, childPath);
      }
    }
    for (Map.Entry<String, JsonNode> field : to.properties()) {
      if (!from.has(field.getKey())) {
        patch.add(op("add", path + "/" + escape(field.getKey())).set("value", field.getValue().deepCopy()));
      }
    }
  }

  private void arrays(JsonNode from, JsonNode to, String path) {
    int[] kept = ArrayAlignment.align(from, to, work);
    Changes changes = new Changes();
    if (kept != null) {
      walk(from, to, kept, changes);
      if (2L * changes.ops > Math.max(from.size(), to.size())) {
        // Most elements would get an op of their own: one replace says it in fewer.
        replace(path, to);
        return;
      }
    }
    if (kept == null || !work.pays(changes.ops * OP_UNITS)) {
      if (!from.equals(to)) {
        replacedWhole++;
        replace(path, to);
      }
      return;
    }
    walk(from, to, kept, new Emit(path));
  }

  /** Between two kept elements (and after the last) lies a gap of changes: what to do with one. */
  private interface Gaps {
    /**
     * Turns {@code from[i0, i1)} into {@code to[j0, j1)}, which share no element, from index {@code
     * position} of the array being patched: pairs in order (each diffed), then removes or adds the
     * rest. Returns the index after the gap.
     */
    int gap(JsonNode from, int i0, int i1, JsonNode to, int j0, int j1, int position);
  }

  private static void walk(JsonNode from, JsonNode to, int[] kept, Gaps gaps) {
    int position = 0;
    int fromGap = 0;
    int toGap = 0;
    for (int i = 0; i <= from.size(); i++) {
      int j = i < from.size() ? kept[i] : to.size();
      if (j < 0) {
        continue;
      }
      position = gaps.gap(from, fromGap, i, to, toGap, j, position) + 1;
      fromGap = i + 1;
      toGap = j + 1;
    }
  }

  /**
   * The ops a walk will emit for single elements: removes, adds, and replaces of pairs that are not
   * both objects or both arrays (those are diffed, and pay for their own ops).
   */
  private static final class Changes implements Gaps {
    long ops;

    @Override
    public int gap(JsonNode from, int i0, int i1, JsonNode to, int j0, int j1, int position) {
      int pairs = Math.min(i1 - i0, j1 - j0);
      ops += Math.max(i1 - i0, j1 - j0) - pairs;
      for (int k = 0; k < pairs; k++) {
        JsonNode a = from.get(i0 + k);
        JsonNode b = to.get(j0 + k);
        // A pair of one element each is paired unseen, so its two scalars may well be equal.
        if (!(a.isObject() && b.isObject() || a.isArray() && b.isArray()) && !a.equals(b)) {
          ops++;
        }
      }
      return position;
    }
  }

  private final class Emit implements Gaps {
    private final String path;

    Emit(String path) {
      this.path = path;
    }

    @Override
    public int gap(JsonNode from, int i0, int i1, JsonNode to, int j0, int j1, int position) {
      int pairs = Math.min(i1 - i0, j1 - j0);
      for (int k = 0; k < pairs; k++) {
        node(from.get(i0 + k), to.get(j0 + k), path + "/" + position++);
      }
      for (int i = i0 + pairs; i < i1; i++) {
        patch.add(op("remove", path + "/" + position));
      }
      for (int j = j0 + pairs; j < j1; j++) {
        patch.add(op("add", path + "/" + position++).set("value", to.get(j).deepCopy()));
      }
      return position;
    }
  }

  private void replace(String path, JsonNode to) {
    patch.add(op("replace", path).set("value", to.deepCopy()));
  }

  private static ObjectNode op(String name, String path) {
    return JsonValues.NODES.objectNode().put("op", name).put("path", path);
  }

  /** RFC 6901: '~' and '/' in a key are written '~0' and '~1'. */
  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
