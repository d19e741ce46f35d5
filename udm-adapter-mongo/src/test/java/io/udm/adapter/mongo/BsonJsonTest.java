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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

  @Property(tries = 300)
  void anyJsonTreeRoundTripsExactly(@ForAll("objects") ObjectNode json) {
    assertThat(BsonJson.toObject(BsonJson.toDocument(json))).isEqualTo(json);
  }

  @Provide
  Arbitrary<ObjectNode> objects() {
    return object(3);
  }

  private static Arbitrary<ObjectNode> object(int depth) {
    return Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6), value(depth))
        .ofMaxSize(5)
        .map(fields -> {
          ObjectNode node = JsonValues.NODES.objectNode();
          fields.forEach(node::set);
          return node;
        });
  }

  private static Arbitrary<JsonNode> value(int depth) {
    Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
        Arbitraries.integers().map(i -> (JsonNode) JsonValues.NODES.numberNode(i)),
        Arbitraries.longs().map(l -> (JsonNode) JsonValues.NODES.numberNode(l)),
        Arbitraries.doubles().map(d -> (JsonNode) JsonValues.NODES.numberNode(d)),
        Arbitraries.bigDecimals().between(new BigDecimal("-1e20"), new BigDecimal("1e20")).ofScale(4)
            .map(d -> (JsonNode) JsonValues.NODES.numberNode(d)),
        Arbitraries.strings().ofMaxLength(8).map(s -> (JsonNode) JsonValues.NODES.textNode(s)),
        Arbitraries.of(true, false).map(b -> (JsonNode) JsonValues.NODES.booleanNode(b)),
        Arbitraries.just(JsonValues.NODES.nullNode()));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<JsonNode> array = Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(4).map(items -> {
      var node = JsonValues.NODES.arrayNode();
      items.forEach(node::add);
      return node;
    });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, scalar),
        net.jqwik.api.Tuple.of(1, array),
        net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> object(depth - 1)).map(o -> (JsonNode) o)));
  }
}
