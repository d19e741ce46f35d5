package io.udm.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.error.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * JSON helpers shared by the API, the domain and the adapters: conversion from plain Java values,
 * path lookup, and the MongoDB notions of equality and sort order, so that the in-memory adapter
 * answers exactly as MongoDB would.
 */
public final class JsonValues {
  public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper MAPPER = new ObjectMapper().setNodeFactory(NODES);

  /** Nesting accepted when converting plain Java values; Jackson's parser refuses the same depth. */
  public static final int MAX_CONVERSION_DEPTH = 1000;

  private JsonValues() {}

  /** The shared mapper; never reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Plain Java JSON (Map, List, String, Number, Boolean, null) to a fresh tree. */
  public static ObjectNode fromMap(Map<String, ?> value) {
    if (value == null) {
      throw new ValidationException("the JSON object must not be null");
    }
    JsonNode node = fromJava(value, "$", 0);
    return (ObjectNode) node;
  }

  private static JsonNode fromJava(Object value, String path, int depth) {
    if (depth > MAX_CONVERSION_DEPTH) {
      // Refuse before recursing any deeper: a pathological Map must not overflow the stack.
      throw new ValidationException("the document nests deeper than " + MAX_CONVERSION_DEPTH
          + " levels; flatten it (UDM's document limit, limits.maxNestingDepth, is lower still)");
    }
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode n) {
      return n.deepCopy();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode out = NODES.objectNode();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new ValidationException("JSON object keys must be strings, at " + path + " found " + e.getKey());
        }
        out.set(key, fromJava(e.getValue(), path + "." + key, depth + 1));
      }
      return out;
    }
    if (value instanceof Iterable<?> list) {
      ArrayNode out = NODES.arrayNode();
      int i = 0;
      for (Object item : list) {
        out.add(fromJava(item, path + "[" + i++ + "]", depth + 1));
      }
      return out;
    }
    if (value instanceof Object[] array) {
      return fromJava(List.of(array), path, depth);
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      // The smallest node that holds the value, as Jackson's parser makes it, so a stored and
      // re-read document equals the one handed in.
      long n = ((Number) value).longValue();
      return n == (int) n ? NODES.numberNode((int) n) : NODES.numberNode(n);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Float f) {
      return NODES.numberNode(f.doubleValue());
    }
    if (value instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if (value instanceof BigInteger i) {
      return NODES.numberNode(i);
    }
    throw new ValidationException(
        "unsupported JSON value of type " + value.getClass().getName() + " at " + path
            + "; use Map, List, String, Number, Boolean or null");
  }

  /** Parses JSON text into an object tree. */
  public static ObjectNode parseObject(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (Exception e) {
      throw new ValidationException("not valid JSON: " + originalMessage(e));
    }
    if (node == null || !node.isObject()) {
      throw new ValidationException("expected a JSON object");
    }
    return (ObjectNode) node;
  }

  private static String originalMessage(Exception e) {
    return e.getMessage();
  }

  /** What kind of JSON value {@code node} is, for messages: "an object", "a string", "null", "nothing". */
  public static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case OBJECT, POJO -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case BINARY -> "binary data";
      default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " value";
    };
  }

  /** Value at a dotted path of nested objects; empty when any step is missing. */
  public static Optional<JsonNode> at(JsonNode root, String dottedPath) {
    JsonNode current = root;
    for (String step : dottedPath.split("\\.", -1)) {
      if (current == null || !current.isObject()) {
        return Optional.empty();
      }
      current = current.get(step);
    }
    return Optional.ofNullable(current);
  }

  /** Sets a dotted path in nested objects, creating the objects on the way. */
  public static void put(ObjectNode root, String dottedPath, JsonNode value) {
    String[] steps = dottedPath.split("\\.", -1);
    ObjectNode current = root;
    for (int i = 0; i < steps.length - 1; i++) {
      JsonNode next = current.get(steps[i]);
      if (!(next instanceof ObjectNode)) {
        next = current.putObject(steps[i]);
      }
      current = (ObjectNode) next;
    }
    current.set(steps[steps.length - 1], value);
  }

  /** JSON equality as MongoDB sees it: numbers by value (1 equals 1.0), everything else structurally. */
  public static boolean equal(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return compareNumbers(a, b) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> it = a.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode other = b.get(e.getKey());
        if (other == null || !equal(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  public static int compareNumbers(JsonNode a, JsonNode b) {
    return a.decimalValue().compareTo(b.decimalValue());
  }

  /**
   * MongoDB's canonical type order: null (and missing) &lt; numbers &lt; strings &lt; objects &lt;
   * arrays &lt; booleans.
   */
  public static int typeRank(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return 0;
    }
    JsonNodeType t = n.getNodeType();
    return switch (t) {
      case NUMBER -> 1;
      case STRING -> 2;
      case OBJECT, POJO -> 3;
      case ARRAY -> 4;
      case BINARY -> 5;
      case BOOLEAN -> 6;
      default -> 7;
    };
  }

  /** Total order used for sorting, consistent with MongoDB for scalar values. */
  public static final Comparator<JsonNode> SORT_ORDER = JsonValues::compareForSort;

  public static int compareForSort(JsonNode a, JsonNode b) {
    int ra = typeRank(a);
    int rb = typeRank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    return switch (ra) {
      case 0 -> 0;
      case 1 -> compareNumbers(a, b);
      case 2 -> a.textValue().compareTo(b.textValue());
      case 6 -> Boolean.compare(a.booleanValue(), b.booleanValue());
      default -> sortText(a).compareTo(sortText(b));
    };
  }

  /**
   * A deep copy with every object's keys in sorted order (arrays keep theirs). MongoDB compares
   * embedded documents field by field in order, so stored meta and filter operands are kept in
   * this form: two objects with the same fields then compare equal on every store.
   */
  public static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = NODES.objectNode();
      new TreeSet<>(fieldNames(node)).forEach(name -> sorted.set(name, canonical(node.get(name))));
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(child -> out.add(canonical(child)));
      return out;
    }
    return node.deepCopy();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * What {@link #SORT_ORDER} compares objects, arrays and binaries by: their compact JSON text (keys
   * in their order, binaries as quoted base64). Stores that cannot sort such values themselves
   * keep this text beside them.
   */
  public static String sortText(JsonNode value) {
    return value.toString();
  }

  /** Deep copy that tolerates null. */
  public static ObjectNode copy(ObjectNode node) {
    return node == null ? null : node.deepCopy();
  }

  /** Canonical compact JSON text. */
  public static String toJson(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (Exception e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** UTF-8 bytes of the compact JSON text. */
  public static byte[] toBytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (Exception e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** Parses stored JSON bytes. */
  public static JsonNode fromBytes(byte[] bytes) {
    try {
      return MAPPER.readTree(bytes);
    } catch (Exception e) {
      throw new IllegalStateException("stored JSON could not be read: " + originalMessage(e), e);
    }
  }
}
