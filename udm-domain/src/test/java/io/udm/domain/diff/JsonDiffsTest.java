package io.udm.domain.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.json.JsonValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code apply(diff(a, b), a) == b} for seeded random document pairs (printed seed, {@code
 * -Dudm.seed=N} replays): nesting, arrays of every kind, nulls, numbers, unicode and escaped keys,
 * shuffled key order, {@code $content} references, and pairs that share most of their content.
 */
class JsonDiffsTest {
  private static final long SEED = Long.getLong("udm.seed", 20261203L);
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
  void arraysTooLargeToDiffElementWiseAreReplacedWhole() {
    ObjectNode a = JsonValues.NODES.objectNode();
    ObjectNode b = JsonValues.NODES.objectNode();
    ArrayNode big = a.putArray("big");
    ArrayNode bigger = b.putArray("big");
    for (int i = 0; i < 600; i++) {
      big.add(i);
      bigger.add(i == 300 ? -1 : i);
    }

    ArrayNode patch = JsonDiffs.diff(a, b);

    assertThat(patch).hasSize(1);
    assertThat(patch.get(0).path("op").asText()).isEqualTo("replace");
    assertThat(patch.get(0).path("path").asText()).isEqualTo("/big");
    assertThat(JsonDiffs.apply(patch, a)).isEqualTo(b);
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
