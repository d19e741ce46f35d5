package io.udm.domain.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.json.JsonValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The walk's bound on an item's JSON bytes, which lets a small item skip being written out to be
 * measured, is never below the bytes Jackson writes: random trees of every kind of value, with
 * escapes, multi-byte characters and surrogate pairs.
 */
class JsonBytesBoundTest {
  private static final long SEED = Long.getLong("udm.seed", 20_261_208L);
  private static final int TRIALS = 2_000;

  @Test
  void theBoundIsNeverBelowTheWrittenBytes() {
    System.out.println("JsonBytesBoundTest seed " + SEED + " (rerun with -Dudm.seed=" + SEED + ")");
    Random random = new Random(SEED);
    for (int trial = 0; trial < TRIALS; trial++) {
      ObjectNode doc = JsonValues.NODES.objectNode();
      fill(doc, random, 0);
      long written = JsonValues.toBytes(doc).length;

      long bound = DocumentWalk.walk(doc, 100, 10).jsonBytesAtMost();

      assertThat(bound).as("seed %s trial %s: %s", SEED, trial, doc).isGreaterThanOrEqualTo(written);
    }
  }

  @Test
  void anItemOfOnlyShortAsciiIsBoundedCloseToItsSize() {
    ObjectNode doc = JsonValues.NODES.objectNode().put("name", "Ada").put("age", 36).put("active", true);
    long written = JsonValues.toBytes(doc).length;

    assertThat(DocumentWalk.walk(doc, 100, 10).jsonBytesAtMost()).isBetween(written, 6 * written);
  }

  private static void fill(ObjectNode object, Random random, int depth) {
    int fields = random.nextInt(6);
    for (int i = 0; i < fields; i++) {
      String key = text(random, 1 + random.nextInt(8));
      if (random.nextInt(5) == 0 && depth < 4) {
        fill(object.putObject(key), random, depth + 1);
      } else if (random.nextInt(5) == 0 && depth < 4) {
        fill(object.putArray(key), random, depth + 1);
      } else {
        object.set(key, scalar(random));
      }
    }
  }

  private static void fill(ArrayNode array, Random random, int depth) {
    int items = random.nextInt(6);
    for (int i = 0; i < items; i++) {
      if (random.nextInt(4) == 0 && depth < 4) {
        fill(array.addObject(), random, depth + 1);
      } else {
        array.add(scalar(random));
      }
    }
  }

  private static JsonNode scalar(Random random) {
    return switch (random.nextInt(9)) {
      case 0 -> JsonValues.NODES.numberNode(random.nextLong());
      case 1 -> JsonValues.NODES.numberNode(random.nextInt());
      case 2 -> JsonValues.NODES.numberNode(-random.nextDouble() * Math.pow(10, random.nextInt(300) - 150));
      case 3 -> JsonValues.NODES.numberNode(new BigDecimal(random.nextLong()).scaleByPowerOfTen(random.nextInt(40) - 20));
      case 4 -> JsonValues.NODES.numberNode(BigInteger.valueOf(random.nextLong()).pow(3));
      case 5 -> JsonValues.NODES.booleanNode(random.nextBoolean());
      case 6 -> JsonValues.NODES.nullNode();
      default -> JsonValues.NODES.textNode(text(random, random.nextInt(40)));
    };
  }

  /** ASCII, control characters (escaped as six bytes), quotes, 2- and 3-byte characters and surrogate pairs. */
  private static String text(Random random, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(6)) {
        case 0 -> out.append((char) random.nextInt(0x20));
        case 1 -> out.append(random.nextBoolean() ? '"' : '\\');
        case 2 -> out.append((char) (0x80 + random.nextInt(0x700)));
        case 3 -> out.append((char) (0x800 + random.nextInt(0xD000)));
        case 4 -> out.appendCodePoint(0x10000 + random.nextInt(0xFFFF));
        default -> out.append((char) ('a' + random.nextInt(26)));
      }
    }
    return out.toString();
  }
}
