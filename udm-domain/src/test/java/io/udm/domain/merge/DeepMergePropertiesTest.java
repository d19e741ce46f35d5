package io.udm.domain.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.json.JsonValues;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The merge laws over random documents and patches. Inputs come from one seeded {@link Random}
 * (printed, and overridable with {@code -Dudm.seed=N}) so every failure is reproducible. Keys come
 * from a small alphabet so that patches and documents overlap often.
 */
class DeepMergePropertiesTest {
  private static final long SEED = Long.getLong("udm.seed", 20261126L);
  private static final int TRIALS = 2_000;
  private static final String[] KEYS = {"a", "b", "c", "d", "tags", "p"};

  private Random random;

  @BeforeEach
  void seed() {
    random = new Random(SEED);
    System.out.println("DeepMergePropertiesTest seed " + SEED + " (rerun with -Dudm.seed=" + SEED + ")");
  }

  @Test
  void mergingTheSamePatchTwiceEqualsMergingItOnce() {
    for (int trial = 0; trial < TRIALS; trial++) {
      ObjectNode document = object(0, false);
      ObjectNode patch = object(0, true);
      ObjectNode once = DeepMerge.merge(document, patch);
      ObjectNode twice = DeepMerge.merge(once, patch);
      assertThat(twice).as("seed %s trial %s: doc %s patch %s", SEED, trial, document, patch).isEqualTo(once);
    }
  }

  @Test
  void mergingAnEmptyPatchChangesNothing() {
    for (int trial = 0; trial < TRIALS; trial++) {
      ObjectNode document = object(0, false);
      assertThat(DeepMerge.merge(document, JsonValues.NODES.objectNode()))
          .as("seed %s trial %s", SEED, trial).isEqualTo(document);
    }
  }

  @Test
  void patchValuesLandAndUntouchedKeysStay() {
    for (int trial = 0; trial < TRIALS; trial++) {
      ObjectNode document = object(0, false);
      ObjectNode patch = object(0, true);
      ObjectNode documentBefore = document.deepCopy();
      ObjectNode patchBefore = patch.deepCopy();
      ObjectNode merged = DeepMerge.merge(document, patch);
      String why = "seed " + SEED + " trial " + trial + ": doc " + document + " patch " + patch + " -> " + merged;
      checkLanded(document, patch, merged, why);
      assertThat(document).as(why).isEqualTo(documentBefore);
      assertThat(patch).as(why).isEqualTo(patchBefore);
    }
  }

  /** Every rule of the merge, key by key, at every depth. */
  private static void checkLanded(JsonNode document, ObjectNode patch, ObjectNode merged, String why) {
    Iterator<Map.Entry<String, JsonNode>> fields = document.isObject() ? document.fields() : java.util.Collections.emptyIterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (!patch.has(f.getKey())) {
        assertThat(merged.get(f.getKey())).as(why).isEqualTo(f.getValue());
      }
    }
    patch.fields().forEachRemaining(p -> {
      JsonNode value = p.getValue();
      JsonNode out = merged.get(p.getKey());
      JsonNode before = document.isObject() ? document.get(p.getKey()) : null;
      if (value.isNull()) {
        assertThat(merged.has(p.getKey())).as(why).isFalse();
      } else if (value.isObject()) {
        assertThat(out.isObject()).as(why).isTrue();
        checkLanded(before == null ? JsonValues.NODES.objectNode() : before, (ObjectNode) value, (ObjectNode) out, why);
      } else if (value.isArray()) {
        assertThat(out.isArray()).as(why).isTrue();
        int start = 0;
        if (before != null && before.isArray()) {
          for (int i = 0; i < before.size(); i++) {
            assertThat(out.get(i)).as(why).isEqualTo(before.get(i));
          }
          start = before.size();
        }
        for (JsonNode element : value) {
          assertThat(contains(out, element)).as(why).isTrue();
        }
        for (int i = start; i < out.size(); i++) {
          for (int j = 0; j < i; j++) {
            assertThat(JsonValues.equal(out.get(i), out.get(j))).as(why + " (added a duplicate)").isFalse();
          }
        }
      } else {
        assertThat(out).as(why).isEqualTo(value);
      }
    });
  }

  private static boolean contains(JsonNode array, JsonNode element) {
    for (JsonNode present : array) {
      if (JsonValues.equal(present, element)) {
        return true;
      }
    }
    return false;
  }

  private ObjectNode object(int depth, boolean patch) {
    ObjectNode out = JsonValues.NODES.objectNode();
    int fields = random.nextInt(depth == 0 ? 6 : 4);
    for (int i = 0; i < fields; i++) {
      out.set(KEYS[random.nextInt(KEYS.length)], value(depth + 1, patch));
    }
    return out;
  }

  private JsonNode value(int depth, boolean patch) {
    int kinds = depth >= 3 ? 5 : 7;
    switch (random.nextInt(kinds)) {
      case 0:
        return patch && random.nextInt(3) == 0 ? JsonValues.NODES.nullNode() : JsonValues.NODES.numberNode(random.nextInt(4));
      case 1:
        return JsonValues.NODES.textNode(String.valueOf((char) ('x' + random.nextInt(3))));
      case 2:
        return JsonValues.NODES.booleanNode(random.nextBoolean());
      case 3:
        return random.nextBoolean() ? JsonValues.NODES.numberNode(random.nextInt(3) + 0.0) : JsonValues.NODES.numberNode(1.5);
      case 4:
        return patch ? JsonValues.NODES.nullNode() : JsonValues.NODES.numberNode((long) random.nextInt(3));
      case 5: {
        ArrayNode array = JsonValues.NODES.arrayNode();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          array.add(random.nextInt(4) == 0 ? object(depth + 1, false) : value(3, false));
        }
        return array;
      }
      default:
        return object(depth, patch);
    }
  }
}
