package io.udm.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.junit.jupiter.api.Test;

class BsonJsonTest {
  @Test
  void eachJsonNumberKindMapsToItsOwnBsonType() {
    ObjectNode json = JsonValues.NODES.objectNode()
        .put("int", 7).put("long", 7_000_000_000L).put("double", 2.5)
        .put("decimal", new BigDecimal("1.50")).put("bigInteger", new BigInteger("123456789012345678901234567890"));

    BsonDocument bson = BsonJson.toDocument(json);

    assertThat(bson.get("int").getBsonType()).isEqualTo(BsonType.INT32);
    assertThat(bson.get("long").getBsonType()).isEqualTo(BsonType.INT64);
    assertThat(bson.get("double").getBsonType()).isEqualTo(BsonType.DOUBLE);
    assertThat(bson.get("decimal").getBsonType()).isEqualTo(BsonType.DECIMAL128);
    assertThat(bson.get("bigInteger").getBsonType()).isEqualTo(BsonType.DECIMAL128);
  }

  @Test
  void numbersComeBackAsTheSameNodeKindWithTheSameScale() {
    ObjectNode json = JsonValues.NODES.objectNode()
        .put("int", 7).put("long", 7L).put("double", 1.0).put("decimal", new BigDecimal("1.50"))
        .put("negativeZero", -0.0).put("tiny", new BigDecimal("1E-6143"));

    ObjectNode back = BsonJson.toObject(BsonJson.toDocument(json));

    assertThat(back).isEqualTo(json); // Jackson equality: node kinds and BigDecimal scales must match.
    assertThat(back.get("int").isInt()).isTrue();
    assertThat(back.get("long").isLong()).isTrue();
    assertThat(back.get("decimal").decimalValue()).isEqualTo(new BigDecimal("1.50"));
  }

  @Test
  void aBigIntegerComesBackEqualByValue() {
    ObjectNode json = JsonValues.NODES.objectNode().put("n", new BigInteger("123456789012345678901234567890"));

    ObjectNode back = BsonJson.toObject(BsonJson.toDocument(json));

    assertThat(JsonValues.equal(back, json)).isTrue();
  }

  @Test
  void aDecimalBeyondDecimal128IsRejectedWithAHint() {
    ObjectNode json = JsonValues.NODES.objectNode().put("n", new BigDecimal("1." + "3".repeat(40)));

    assertThatThrownBy(() -> BsonJson.toDocument(json))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Decimal128")
        .hasMessageContaining("34 significant digits");
  }

  @Test
  void nestedStructuresNullsAndKeyOrderSurvive() {
    ObjectNode json = Records.json("{'z':1,'a':{'y':[1,'two',null,true,{'deep':[[]]}],'b':{}},'m':null,'e':''}");

    ObjectNode back = BsonJson.toObject(BsonJson.toDocument(json));

    assertThat(back).isEqualTo(json);
    assertThat(List.of(back.fieldNames().next())).containsExactly("z");
  }

  @Test
  void instantsAreMilliseconds() {
    Instant at = Instant.parse("2024-03-01T10:00:00.123Z");

    assertThat(BsonJson.instant(BsonJson.date(at))).isEqualTo(at);
  }

  @Test
  void anyJsonTreeRoundTripsExactly() {
    long seed = Long.getLong("udm.seed", 2024L);
    System.out.println("BsonJsonTest seed " + seed + " (rerun with -Dudm.seed=" + seed + ")");
    Random random = new Random(seed);
    for (int trial = 0; trial < 300; trial++) {
      ObjectNode json = object(random, 3);
      assertThat(BsonJson.toObject(BsonJson.toDocument(json))).as("%s (seed %s)", json, seed).isEqualTo(json);
    }
  }

  private static ObjectNode object(Random random, int depth) {
    ObjectNode node = JsonValues.NODES.objectNode();
    int fields = random.nextInt(6);
    for (int i = 0; i < fields; i++) {
      node.set(text(random, "abcdefghijklmnopqrstuvwxyz", 1 + random.nextInt(6)), value(random, depth));
    }
    return node;
  }

  private static JsonNode value(Random random, int depth) {
    int pick = random.nextInt(8);
    if (depth > 0 && pick == 6) {
      var array = JsonValues.NODES.arrayNode();
      int items = random.nextInt(5);
      for (int i = 0; i < items; i++) {
        array.add(value(random, depth - 1));
      }
      return array;
    }
    if (depth > 0 && pick == 7) {
      return object(random, depth - 1);
    }
    return switch (random.nextInt(7)) {
      case 0 -> JsonValues.NODES.numberNode(random.nextInt());
      case 1 -> JsonValues.NODES.numberNode(random.nextLong());
      case 2 -> JsonValues.NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(20) - 10));
      case 3 -> JsonValues.NODES.numberNode(
          BigDecimal.valueOf(random.nextLong() % 100_000_000_000_000L, 4));
      case 4 -> JsonValues.NODES.textNode(text(random, "ab c\u00e9\"{}$.", random.nextInt(9)));
      case 5 -> JsonValues.NODES.booleanNode(random.nextBoolean());
      default -> JsonValues.NODES.nullNode();
    };
  }

  private static String text(Random random, String alphabet, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }
}
