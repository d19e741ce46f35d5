package io.udm.adapter.mongo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * JSON trees to BSON and back, exactly: an int stays an int (Int32), a long a long (Int64), a double
 * a double, and a BigDecimal becomes a Decimal128 with its scale, so a stored meta compares equal to
 * the one written. BigIntegers are stored as Decimal128 and come back as scale-0 BigDecimals (equal
 * by value, as {@link JsonValues#equal} sees numbers).
 */
final class BsonJson {
  private BsonJson() {}

  static BsonDocument toDocument(ObjectNode object) {
    BsonDocument out = new BsonDocument();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      out.append(field.getKey(), toBson(field.getValue()));
    }
    return out;
  }

  static BsonValue toBson(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> toDocument((ObjectNode) node);
      case ARRAY -> {
        BsonArray array = new BsonArray();
        node.forEach(element -> array.add(toBson(element)));
        yield array;
      }
      case STRING -> new BsonString(node.textValue());
      case BOOLEAN -> BsonBoolean.valueOf(node.booleanValue());
      case NULL, MISSING -> BsonNull.VALUE;
      case NUMBER -> number(node);
      case BINARY -> new BsonBinary(binary(node));
      case POJO -> throw new IllegalArgumentException("a POJO node cannot be stored; convert it to a JSON tree first");
    };
  }

  private static BsonValue number(JsonNode node) {
    return switch (node.numberType()) {
      case INT -> new BsonInt32(node.intValue());
      case LONG -> new BsonInt64(node.longValue());
      case FLOAT, DOUBLE -> new BsonDouble(node.doubleValue());
      case BIG_DECIMAL, BIG_INTEGER -> decimal(node.decimalValue());
    };
  }

  private static BsonValue decimal(BigDecimal value) {
    try {
      return new BsonDecimal128(new Decimal128(value));
    } catch (NumberFormatException e) {
      throw new ValidationException(
          "the number " + abbreviated(value.toString()) + " cannot be stored exactly in MongoDB, which keeps"
              + " decimals as Decimal128 (34 significant digits, exponent -6143..6144); round it or store it as a string");
    }
  }

  private static String abbreviated(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "... (" + text.length() + " characters)";
  }

  private static byte[] binary(JsonNode node) {
    try {
      return node.binaryValue();
    } catch (IOException e) {
      throw new IllegalArgumentException("a binary JSON node could not be read", e);
    }
  }

  static ObjectNode toObject(BsonDocument document) {
    ObjectNode out = JsonValues.NODES.objectNode();
    document.forEach((name, value) -> out.set(name, toJson(value)));
    return out;
  }

  static JsonNode toJson(BsonValue value) {
    return switch (value.getBsonType()) {
      case DOCUMENT -> toObject(value.asDocument());
      case ARRAY -> {
        ArrayNode array = JsonValues.NODES.arrayNode();
        value.asArray().forEach(element -> array.add(toJson(element)));
        yield array;
      }
      case STRING -> JsonValues.NODES.textNode(value.asString().getValue());
      case BOOLEAN -> JsonValues.NODES.booleanNode(value.asBoolean().getValue());
      case NULL -> JsonValues.NODES.nullNode();
      case INT32 -> JsonValues.NODES.numberNode(value.asInt32().getValue());
      case INT64 -> JsonValues.NODES.numberNode(value.asInt64().getValue());
      case DOUBLE -> JsonValues.NODES.numberNode(value.asDouble().getValue());
      case DECIMAL128 -> JsonValues.NODES.numberNode(value.asDecimal128().getValue().bigDecimalValue());
      case BINARY -> JsonValues.NODES.binaryNode(value.asBinary().getData());
      default -> throw new IllegalStateException(
          "a stored JSON value has the BSON type " + value.getBsonType()
              + ", which UDM never writes; the document was changed outside UDM");
    };
  }

  static BsonDateTime date(Instant instant) {
    return new BsonDateTime(instant.toEpochMilli());
  }

  static Instant instant(BsonValue date) {
    return Instant.ofEpochMilli(date.asDateTime().getValue());
  }
}
