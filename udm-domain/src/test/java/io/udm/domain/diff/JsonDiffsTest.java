package io.udm.domain.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.json.JsonValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@code apply(diff(a, b), a) == b} for seeded random document pairs (printed seed, {@code
 * -Dudm.seed=N} replays): nesting, arrays of every kind, nulls, numbers, unicode and escaped keys,
 * shuffled key order, {@code $content} references, and pairs that share most of their content; and
 * under random work budgets, so that arrays are replaced whole at every point a diff can give up.
 * Then the worst shapes found, each held to its work count (never to the clock, which the domain does
 * not read): large and deeply nested arrays, many arrays that together pass the budget, arrays of
 * objects holding arrays, 16 MB documents, strings that share a hash code.
 */
class JsonDiffsTest {
  private static final long SEED = Long.getLong("udm.seed", 20261203L);
  private static final JsonNodeFactory NODES = JsonValues.NODES;
  private static final String[] KEYS = {"a", "b", "name", "tags", "x/y", "t~1", "ünï", "emoji😀", "$content", "n"};
  private static final String[] TEXTS = {"", "plain", "ünïcödé", "😀 emoji", "quote\"s", "line\nbreak", "a/b~c"};

  @Test
  void applyingTheDiffOfTwoRandomDocumentsToTheFirstGivesTheSecond() {
    System.out.println("JsonDiffsTest seed " + SEED + " (rerun with -Dudm.seed=" + SEED + ")");
    Random random = new Random(SEED);
    int nonEmpty = 0;
    for (int i = 0; i < 10_000; i++) {
      ObjectNode a = object(random, 0);
      ObjectNode b = random.nextInt(3) == 0 ? object(random, 0) : mutated(random, a);
      ArrayNode patch = JsonDiffs.diff(a, b);
      assertThat(JsonDiffs.apply(patch, a)).as("pair %d (seed %d): %s -> %s via %s", i, SEED, a, b, patch).isEqualTo(b);
      assertThat(a).as("the diff leaves its inputs alone").isEqualTo(JsonDiffs.apply(JsonDiffs.diff(b, a), b));
      assertThat(JsonDiffs.diff(a, a.deepCopy())).as("pair %d (seed %d): %s against a copy", i, SEED, a).isEmpty();
      if (!patch.isEmpty()) {
        nonEmpty++;
      }
    }
    assertThat(nonEmpty).isGreaterThan(9_000);
  }

  @Test
  void keyOrderAloneIsNoChange() {
    ObjectNode a = JsonValues.parseObject("{\"x\": 1, \"y\": {\"p\": [1, 2], \"q\": null}}");
    ObjectNode b = JsonValues.parseObject("{\"y\": {\"q\": null, \"p\": [1, 2]}, \"x\": 1}");

    assertThat(JsonDiffs.diff(a, b)).isEmpty();
  }

  @Test
  void aPatchNamesWhatChangedByPath() {
    ObjectNode a = JsonValues.parseObject("{\"status\": \"trial\", \"old\": 1, \"tags\": [\"a\", \"b\"]}");
    ObjectNode b = JsonValues.parseObject("{\"status\": \"active\", \"tags\": [\"a\", \"c\", \"b\"], \"new\": true}");

    assertThat(JsonDiffs.diff(a, b).toString()).contains(
        "{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"active\"}",
        "{\"op\":\"remove\",\"path\":\"/old\"}",
        "{\"op\":\"add\",\"path\":\"/tags/1\",\"value\":\"c\"}",
        "{\"op\":\"add\",\"path\":\"/new\",\"value\":true}");
  }

  @Test
  void randomDocumentsDiffedUnderRandomBudgetsStillGiveTheSecondBack() {
    Random random = new Random(SEED + 1);
    int degraded = 0;
    for (int i = 0; i < 5_000; i++) {
      ObjectNode a = NODES.objectNode();
      for (int k = random.nextInt(4); k >= 0; k--) {
        a.set(KEYS[random.nextInt(KEYS.length)], arrayHeavy(random, 0));
      }
      ObjectNode b = random.nextInt(5) == 0 ? a.deepCopy() : mutated(random, a);
      for (int changes = random.nextInt(3); changes > 0; changes--) {
        mutate(random, b, 0);
      }
      long budget = random.nextInt(random.nextBoolean() ? 300 : 3_000);
      long cap = random.nextInt(1 + (int) budget);

      JsonDiffs.Measured measured = JsonDiffs.measure(a, b, budget, cap);

      assertThat(JsonDiffs.apply(measured.patch(), a)).as("pair %d (seed %d), budget %d, cap %d: %s -> %s via %s", i,
          SEED, budget, cap, a, b, measured.patch()).isEqualTo(b);
      assertThat(measured.work()).as("pair %d (seed %d)", i, SEED).isLessThanOrEqualTo(budget);
      degraded += measured.arraysReplacedWhole() > 0 ? 1 : 0;
    }
    assertThat(degraded).as("pairs where the budget replaced an array whole").isGreaterThan(500);
  }

  @Test
  void oneChangeInALargeNestedArrayIsOneOpAndCostsAlmostNothing() {
    // The shape that took 5.9 to 17 s when zjsonpatch diffed nested arrays itself.
    ObjectNode a = NODES.objectNode();
    ObjectNode b = NODES.objectNode();
    a.putArray("m").add(ints(32_000, i -> i));
    b.putArray("m").add(ints(32_000, i -> i == 16_000 ? -1 : i));

    JsonDiffs.Measured measured = JsonDiffs.measure(a, b);

    assertThat(measured.patch().toString()).isEqualTo("[{\"op\":\"replace\",\"path\":\"/m/0/16000\",\"value\":-1}]");
    assertThat(measured.work()).isLessThan(100);
  }

  @Test
  void anArrayPastItsCapIsReplacedWholeAndTheOthersAreStillDiffedElementWise() {
    ObjectNode a = NODES.objectNode();
    ObjectNode b = NODES.objectNode();
    a.set("big", ints(32_000, i -> i));
    b.set("big", ints(32_000, i -> i % 100 == 1 ? -i : i));
    a.set("small", ints(10, i -> i));
    b.set("small", ints(10, i -> i == 3 ? 33 : i));

    JsonDiffs.Measured capped = JsonDiffs.measure(a, b, 1_000_000, 100_000);

    assertThat(capped.patch()).hasSize(2);
    assertThat(capped.patch().get(0).path("op").asText()).isEqualTo("replace");
    assertThat(capped.patch().get(0).path("path").asText()).isEqualTo("/big");
    assertThat(capped.patch().get(1).toString()).isEqualTo("{\"op\":\"replace\",\"path\":\"/small/3\",\"value\":33}");
    assertThat(capped.arraysReplacedWhole()).isEqualTo(1);
    assertThat(capped.work()).isLessThanOrEqualTo(100_000);
    assertThat(JsonDiffs.apply(capped.patch(), a)).isEqualTo(b);
    // Within the default budget the same array is diffed element by element: 320 changes, 320 ops.
    JsonDiffs.Measured measured = JsonDiffs.measure(a, b);
    assertThat(measured.patch()).hasSize(321);
    assertThat(measured.arraysReplacedWhole()).isZero();
    assertThat(JsonDiffs.apply(measured.patch(), a)).isEqualTo(b);
  }

  @Test
  void manyArraysEachWithinTheCapButTogetherPastTheBudgetAreDiffedUntilItIsSpent() {
    ObjectNode a = NODES.objectNode();
    ObjectNode b = NODES.objectNode();
    for (int k = 0; k < 100; k++) {
      // The first and last elements changed: no common prefix or suffix, so each needs its LCS.
      a.set("k" + k, ints(200, i -> i));
      b.set("k" + k, ints(200, i -> i == 0 || i == 199 ? -1 : i));
    }

    JsonDiffs.Measured measured = JsonDiffs.measure(a, b, 30_000, 10_000);

    assertThat(measured.work()).isLessThanOrEqualTo(30_000);
    assertThat(measured.arraysReplacedWhole()).isBetween(50, 95);
    assertThat(measured.patch().get(0).path("path").asText()).isEqualTo("/k0/0");
    assertThat(measured.patch().get(1).path("path").asText()).isEqualTo("/k0/199");
    JsonNode last = measured.patch().get(measured.patch().size() - 1);
    assertThat(last.path("path").asText()).isEqualTo("/k99");
    assertThat(JsonDiffs.apply(measured.patch(), a)).isEqualTo(b);
    // Unbudgeted, every array is two ops.
    assertThat(JsonDiffs.measure(a, b).patch()).hasSize(200);
  }

  @Test
  void anArrayCostingMoreThanHalfOfWhatIsLeftIsReplacedWholeSoTheSmallOnesAfterItAreStillDiffed() {
    ObjectNode a = NODES.objectNode();
    ObjectNode b = NODES.objectNode();
    a.set("large", ints(1_500, i -> i));
    b.set("large", ints(1_500, i -> i == 0 || i == 1_499 ? -1 : i));
    for (int k = 0; k < 20; k++) {
      a.set("small" + k, ints(50, i -> i));
      b.set("small" + k, ints(50, i -> i == 0 || i == 49 ? -1 : i));
    }

    JsonDiffs.Measured measured = JsonDiffs.measure(a, b, 10_000, 10_000);

    // The large array alone would fit in the budget (about 6,000 units) but not in half of it.
    assertThat(JsonDiffs.measure(a, NODES.objectNode().set("large", b.get("large")), 20_000, 20_000).work())
        .isBetween(5_001L, 10_000L);
    assertThat(measured.patch().get(0).path("path").asText()).isEqualTo("/large");
    assertThat(measured.arraysReplacedWhole()).isEqualTo(1);
    assertThat(measured.patch()).hasSize(1 + 20 * 2);
    assertThat(measured.work()).isLessThanOrEqualTo(10_000);
    assertThat(JsonDiffs.apply(measured.patch(), a)).isEqualTo(b);
  }

  @Test
  void deeplyNestedArraysChangedAtEveryLevelStayWithinTheBudget() {
    JsonNode[] pair = deepPairs(64, 50_000);

    JsonDiffs.Measured measured = JsonDiffs.measure(pair[0], pair[1]);
    JsonDiffs.Measured small = JsonDiffs.measure(pair[0], pair[1], 500_000, 200_000);

    assertThat(measured.work()).isLessThanOrEqualTo(JsonDiffs.WORK_BUDGET);
    assertThat(JsonDiffs.apply(measured.patch(), pair[0])).isEqualTo(pair[1]);
    assertThat(small.work()).isLessThanOrEqualTo(500_000);
    assertThat(small.arraysReplacedWhole()).isPositive();
    assertThat(JsonDiffs.apply(small.patch(), pair[0])).isEqualTo(pair[1]);
  }

  @Test
  void oneChangeAtTheBottomOfDeeplyNestedArraysIsNeverComparedInFullOnTheWayDown() {
    JsonNode a = ints(100_000, i -> i);
    JsonNode b = ints(100_000, i -> i == 99_999 ? -1 : i);
    for (int level = 0; level < 63; level++) {
      a = NODES.arrayNode().add(level).add(a).add(level);
      b = NODES.arrayNode().add(level).add(b).add(level);
    }

    JsonDiffs.Measured measured = JsonDiffs.measure(a, b);

    assertThat(measured.patch()).hasSize(1);
    assertThat(measured.patch().get(0).path("path").asText()).isEqualTo("/1".repeat(63) + "/99999");
    // Each level pays only for the comparison it left undecided, never for the 100,000 elements below it.
    assertThat(measured.work()).isLessThanOrEqualTo(63 * (ArrayAlignment.ALLOWANCE + 1) + 100);
  }

  @Test
  void arraysOfObjectsWithArraysInsideAreDiffedWithinTheBudget() {
    Random random = new Random(SEED + 2);
    ArrayNode rows = NODES.arrayNode();
    for (int i = 0; i < 2_000; i++) {
      rows.add(record(i));
    }
    ArrayNode changed = rows.deepCopy();
    for (int e = 0; e < 40; e++) {
      int at = random.nextInt(changed.size());
      switch (random.nextInt(3)) {
        case 0 -> changed.insert(at, record(10_000 + e));
        case 1 -> changed.remove(at);
        default -> ((ArrayNode) changed.get(at).get("tags")).add("new");
      }
    }
    ObjectNode a = NODES.objectNode().set("rows", rows);
    ObjectNode b = NODES.objectNode().set("rows", changed);

    JsonDiffs.Measured measured = JsonDiffs.measure(a, b);
    JsonDiffs.Measured small = JsonDiffs.measure(a, b, 20_000, 20_000);

    assertThat(measured.arraysReplacedWhole()).isZero();
    assertThat(measured.patch().size()).isBetween(1, 40);
    assertThat(JsonDiffs.apply(measured.patch(), a)).isEqualTo(b);
    assertThat(small.work()).isLessThanOrEqualTo(20_000);
    assertThat(small.patch()).hasSize(1);
    assertThat(small.arraysReplacedWhole()).isEqualTo(1);
    assertThat(JsonDiffs.apply(small.patch(), a)).isEqualTo(b);
  }

  @Test
  void sixteenMegabyteArraysAreTrimmedInLinearTimeOrReplacedWhole() {
    // 8,000,000 one-digit ints: 16 MB of JSON, the largest document the default limits accept.
    ObjectNode a = NODES.objectNode().set("a", ints(8_000_000, i -> i % 10));
    ObjectNode one = NODES.objectNode().set("a", ints(8_000_000, i -> i == 4_000_000 ? 99 : i % 10));
    ObjectNode two = NODES.objectNode().set("a", ints(8_000_000, i -> i == 1 || i == 7_999_998 ? 99 : i % 10));

    JsonDiffs.Measured oneChange = JsonDiffs.measure(a, one);
    JsonDiffs.Measured twoChanges = JsonDiffs.measure(a, two);

    assertThat(oneChange.patch().toString()).isEqualTo("[{\"op\":\"replace\",\"path\":\"/a/4000000\",\"value\":99}]");
    assertThat(oneChange.work()).isLessThan(100);
    // Two changes far apart leave a middle of 16,000,000 elements to hash: more than the cap, known before any is.
    assertThat(twoChanges.patch()).hasSize(1);
    assertThat(twoChanges.patch().get(0).path("path").asText()).isEqualTo("/a");
    assertThat(twoChanges.arraysReplacedWhole()).isEqualTo(1);
    assertThat(twoChanges.work()).isLessThan(100);
    assertThat(JsonDiffs.apply(twoChanges.patch(), a)).isEqualTo(two);
  }

  @Test
  void fewEditsInAnArrayTooLongForAnLcsTableAreStillFound() {
    // 12,000 x 12,000 elements: a table of 2.25 million words, past its cap; Myers' few-edits path finds the two.
    ArrayNode from = NODES.arrayNode();
    ArrayNode to = NODES.arrayNode().add("new");
    for (int i = 0; i < 12_000; i++) {
      from.add("row " + i);
      if (i < 11_999) {
        to.add("row " + i);
      }
    }

    JsonDiffs.Measured measured = JsonDiffs.measure(from, to);

    assertThat(measured.patch().toString()).isEqualTo(
        "[{\"op\":\"add\",\"path\":\"/0\",\"value\":\"new\"},{\"op\":\"remove\",\"path\":\"/12000\"}]");
    assertThat(JsonDiffs.apply(measured.patch(), from)).isEqualTo(to);
  }

  @Test
  void stringsSharingOneHashCodeCostComparisonsThatTheBudgetBounds() {
    // 2^11 distinct strings made of "Aa" and "BB" blocks share one String.hashCode, so one bucket of
    // ids: every element is compared with every one before it, 8 million comparisons, past the cap.
    ArrayNode from = colliding(11);
    ArrayNode to = from.deepCopy();
    to.insert(0, "first");
    to.add("last");
    ArrayNode fewFrom = colliding(6);
    ArrayNode fewTo = fewFrom.deepCopy();
    fewTo.insert(0, "first");
    fewTo.add("last");

    JsonDiffs.Measured measured = JsonDiffs.measure(from, to);
    JsonDiffs.Measured few = JsonDiffs.measure(fewFrom, fewTo);

    assertThat(measured.work()).isLessThanOrEqualTo(JsonDiffs.ARRAY_WORK_CAP);
    assertThat(measured.arraysReplacedWhole()).isEqualTo(1);
    assertThat(JsonDiffs.apply(measured.patch(), from)).isEqualTo(to);
    assertThat(few.patch()).hasSize(2);
    assertThat(JsonDiffs.apply(few.patch(), fewFrom)).isEqualTo(fewTo);
  }

  @Test
  void anArrayMostlyChangedIsOneReplace() {
    ObjectNode a = NODES.objectNode().set("a", ints(100, i -> i));
    ObjectNode b = NODES.objectNode().set("a", ints(100, i -> 99 - i));

    ArrayNode patch = JsonDiffs.diff(a, b);

    assertThat(patch).hasSize(1);
    assertThat(patch.get(0).path("path").asText()).isEqualTo("/a");
    assertThat(JsonDiffs.apply(patch, a)).isEqualTo(b);
  }

  /**
   * {@code [[[... [large, 1], ...], 62], 63]} against the same with every level's small element
   * negated and one change at the end of the large array at the bottom.
   */
  private static JsonNode[] deepPairs(int levels, int bottom) {
    JsonNode a = ints(bottom, i -> i % 10);
    JsonNode b = ints(bottom, i -> i == bottom - 1 ? 7 : i % 10);
    for (int level = 1; level < levels; level++) {
      a = NODES.arrayNode().add(a).add(level);
      b = NODES.arrayNode().add(b).add(-level);
    }
    return new JsonNode[] {a, b};
  }

  /** The 2^blocks strings of that many "Aa" or "BB" blocks, which all have the same String.hashCode. */
  private static ArrayNode colliding(int blocks) {
    List<String> strings = new ArrayList<>(List.of(""));
    for (int block = 0; block < blocks; block++) {
      List<String> longer = new ArrayList<>();
      strings.forEach(s -> longer.add(s + "Aa"));
      strings.forEach(s -> longer.add(s + "BB"));
      strings = longer;
    }
    ArrayNode array = NODES.arrayNode();
    strings.forEach(array::add);
    return array;
  }

  private static ObjectNode record(int i) {
    ObjectNode record = NODES.objectNode().put("id", "r-" + i).put("name", "customer " + i).put("balance", i % 1000);
    ArrayNode tags = record.putArray("tags");
    for (int t = 0; t < 5; t++) {
      tags.add("tag" + (i + t) % 30);
    }
    return record;
  }

  private static ArrayNode ints(int count, IntUnaryOperator value) {
    ArrayNode array = NODES.arrayNode(count);
    for (int i = 0; i < count; i++) {
      array.add(value.applyAsInt(i));
    }
    return array;
  }

  /** Arrays of up to 40 elements (8 nested), many small ints (so elements repeat), nested arrays and objects. */
  private static JsonNode arrayHeavy(Random random, int depth) {
    ArrayNode array = NODES.arrayNode();
    for (int i = random.nextInt(depth == 0 ? 40 : 8); i > 0; i--) {
      int kind = random.nextInt(depth > 2 ? 2 : 5);
      switch (kind) {
        case 0, 1 -> array.add(random.nextInt(6));
        case 2 -> array.add(arrayHeavy(random, depth + 1));
        case 3 -> array.add(NODES.objectNode().put("n", random.nextInt(3)).set("a", arrayHeavy(random, depth + 1)));
        default -> array.add(value(random, depth + 1));
      }
    }
    return array;
  }

  private static ObjectNode mutated(Random random, ObjectNode source) {
    ObjectNode copy = source.deepCopy();
    for (int changes = 1 + random.nextInt(4); changes > 0; changes--) {
      mutate(random, copy, 0);
    }
    return reordered(random, copy);
  }

  private static void mutate(Random random, JsonNode node, int depth) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      int choice = random.nextInt(4);
      if (names.isEmpty() || choice == 0) {
        object.set(KEYS[random.nextInt(KEYS.length)], value(random, depth + 1));
      } else if (choice == 1) {
        object.remove(names.get(random.nextInt(names.size())));
      } else {
        JsonNode child = object.get(names.get(random.nextInt(names.size())));
        if (child.isContainerNode() && depth < 4) {
          mutate(random, child, depth + 1);
        } else {
          object.set(names.get(random.nextInt(names.size())), value(random, depth + 1));
        }
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      int choice = random.nextInt(3);
      if (array.isEmpty() || choice == 0) {
        array.insert(random.nextInt(array.size() + 1), value(random, depth + 1));
      } else if (choice == 1) {
        array.remove(random.nextInt(array.size()));
      } else {
        array.set(random.nextInt(array.size()), value(random, depth + 1));
      }
    }
  }

  private static ObjectNode object(Random random, int depth) {
    ObjectNode object = JsonValues.NODES.objectNode();
    for (int i = random.nextInt(depth == 0 ? 6 : 4); i > 0; i--) {
      object.set(KEYS[random.nextInt(KEYS.length)], value(random, depth + 1));
    }
    return object;
  }

  private static JsonNode value(Random random, int depth) {
    int kind = random.nextInt(depth > 3 ? 6 : 9);
    return switch (kind) {
      case 0 -> JsonValues.NODES.nullNode();
      case 1 -> JsonValues.NODES.numberNode(random.nextInt(5));
      case 2 -> JsonValues.NODES.numberNode(random.nextDouble());
      case 3 -> JsonValues.NODES.textNode(TEXTS[random.nextInt(TEXTS.length)]);
      case 4 -> JsonValues.NODES.booleanNode(random.nextBoolean());
      case 5 -> JsonValues.NODES.numberNode(new java.math.BigDecimal("1.50"));
      case 6 -> contentReference(random);
      case 7 -> object(random, depth);
      default -> {
        ArrayNode array = JsonValues.NODES.arrayNode();
        for (int i = random.nextInt(6); i > 0; i--) {
          array.add(random.nextBoolean() ? JsonValues.NODES.numberNode(random.nextInt(3)) : value(random, depth + 1));
        }
        yield array;
      }
    };
  }

  private static ObjectNode contentReference(Random random) {
    ObjectNode ref = JsonValues.NODES.objectNode();
    ref.putObject("$content").put("key", "t/a/b/c/id/c/" + random.nextInt(3)).put("size", random.nextInt(100));
    return ref;
  }

  /** The same document with every object's keys in a shuffled order. */
  private static ObjectNode reordered(Random random, ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    Collections.shuffle(names, random);
    ObjectNode out = JsonValues.NODES.objectNode();
    for (String name : names) {
      JsonNode child = node.get(name);
      out.set(name, child.isObject() ? reordered(random, (ObjectNode) child) : child);
    }
    return out;
  }
}
