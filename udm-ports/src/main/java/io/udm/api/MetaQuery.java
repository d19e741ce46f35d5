package io.udm.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A MongoDB-style filter over an item's indexed properties: implicit equality and {@code $eq $ne
 * $gt $gte $lt $lte $in $nin $exists $and $or}. Nothing else parses; every problem is reported at
 * once. The parsed tree ({@link #root()}) is what adapters translate, and {@link #matches} is the
 * one evaluator both the domain (counter rules) and the in-memory adapter use.
 */
public final class MetaQuery {
  /** Nesting of {@code $and}/{@code $or} allowed before a query is rejected. */
  public static final int MAX_DEPTH = 16;
  /** Conditions in one query, counting every field condition. */
  public static final int MAX_CONDITIONS = 256;
  /** Values in one {@code $in}/{@code $nin}. */
  public static final int MAX_IN_VALUES = 1000;
  /** Length of one string operand. */
  public static final int MAX_STRING = 4096;

  private static final MetaQuery ALL = new MetaQuery(new And(List.of()));

  /** A node of the parsed filter. */
  public sealed interface Node permits And, Or, Condition {}

  /** Every child matches; an empty {@code And} matches everything. */
  public record And(List<Node> children) implements Node {
    public And {
      children = List.copyOf(children);
    }
  }

  /** At least one child matches. */
  public record Or(List<Node> children) implements Node {
    public Or {
      children = List.copyOf(children);
    }
  }

  /** One operator on one property path. Operands are never interpreted as operators. */
  public record Condition(String field, Operator operator, JsonNode operand) implements Node {
    public Condition {
      operand = operand.deepCopy();
    }

    @Override
    public JsonNode operand() {
      return operand.deepCopy();
    }
  }

  /** The operators UDM accepts. */
  public enum Operator {
    EQ("$eq"), NE("$ne"), GT("$gt"), GTE("$gte"), LT("$lt"), LTE("$lte"),
    IN("$in"), NIN("$nin"), EXISTS("$exists");

    private final String token;

    Operator(String token) {
      this.token = token;
    }

    public String token() {
      return token;
    }

    static Operator byToken(String token) {
      for (Operator op : values()) {
        if (op.token.equals(token)) {
          return op;
        }
      }
      return null;
    }
  }

  private final Node root;

  private MetaQuery(Node root) {
    this.root = root;
  }

  /** The filter that matches every item. */
  public static MetaQuery all() {
    return ALL;
  }

  public static MetaQuery fromJson(String json) {
    if (json == null || json.isBlank()) {
      return ALL;
    }
    return fromTree(JsonValues.parseObject(json));
  }

  public static MetaQuery of(Map<String, ?> filter) {
    if (filter == null) {
      return ALL;
    }
    return fromTree(JsonValues.fromMap(filter));
  }

  public static MetaQuery fromTree(ObjectNode filter) {
    List<String> problems = new ArrayList<>();
    int[] conditions = {0};
    Node root = parseObject(filter, "", 0, problems, conditions);
    if (conditions[0] > MAX_CONDITIONS) {
      problems.add("the filter has " + conditions[0] + " conditions; at most " + MAX_CONDITIONS + " are allowed");
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new MetaQuery(root);
  }

  public Node root() {
    return root;
  }

  /** The property paths this filter reads. */
  public Set<String> fields() {
    Set<String> out = new TreeSet<>();
    collectFields(root, out);
    return out;
  }

  /** Throws {@link ValidationException} naming every property this filter reads that is not indexed. */
  public MetaQuery requireIndexed(Collection<String> indexedProps, String collection) {
    List<String> problems = new ArrayList<>();
    for (String field : fields()) {
      if (!indexedProps.contains(field)) {
        problems.add(
            "property '" + field + "' is not indexed in collection '" + collection
                + "'; filter on one of " + new TreeSet<>(indexedProps)
                + " or add it to collectionMaps." + collection + ".indexedProps");
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return this;
  }

  /** Evaluates the filter against a document (an item's meta, or its whole data for payload rules). */
  public boolean matches(JsonNode document) {
    return eval(root, document);
  }

  @Override
  public String toString() {
    return "MetaQuery" + root;
  }

  // ---------------------------------------------------------------- parsing

  private static Node parseObject(ObjectNode obj, String where, int depth, List<String> problems, int[] count) {
    if (depth > MAX_DEPTH) {
      problems.add("the filter nests $and/$or deeper than " + MAX_DEPTH + " levels" + at(where));
      return new And(List.of());
    }
    List<Node> parts = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (key.equals("$and") || key.equals("$or")) {
        List<Node> children = parseLogical(key, value, where, depth, problems, count);
        parts.add(key.equals("$and") ? new And(children) : new Or(children));
      } else if (key.startsWith("$")) {
        problems.add("unknown top-level operator " + Names.show(key) + at(where) + "; allowed are $and and $or");
      } else {
        fieldProblem(key).ifPresentOrElse(p -> problems.add(p + at(where)),
            () -> parseField(key, value, where, problems, count, parts));
      }
    }
    return parts.size() == 1 ? parts.get(0) : new And(parts);
  }

  private static List<Node> parseLogical(
      String op, JsonNode value, String where, int depth, List<String> problems, int[] count) {
    List<Node> children = new ArrayList<>();
    if (!value.isArray() || value.isEmpty()) {
      problems.add(op + " takes a non-empty array of filters" + at(where));
      return children;
    }
    int i = 0;
    for (JsonNode child : value) {
      String childWhere = where + op + "[" + i++ + "]";
      if (!child.isObject()) {
        problems.add(op + " takes filter objects, found " + child.getNodeType() + at(childWhere));
        continue;
      }
      children.add(parseObject((ObjectNode) child, childWhere, depth + 1, problems, count));
    }
    return children;
  }

  private static void parseField(
      String field, JsonNode value, String where, List<String> problems, int[] count, List<Node> out) {
    boolean operatorObject = value.isObject() && value.size() > 0 && value.fieldNames().next().startsWith("$");
    if (!operatorObject) {
      count[0]++;
      valueProblem(value, field).ifPresentOrElse(p -> problems.add(p + at(where)),
          () -> out.add(new Condition(field, Operator.EQ, JsonValues.canonical(value))));
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> it = value.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      count[0]++;
      Operator op = Operator.byToken(e.getKey());
      if (op == null) {
        problems.add(
            "unknown operator " + Names.show(e.getKey()) + " on '" + field + "'" + at(where)
                + "; allowed are $eq $ne $gt $gte $lt $lte $in $nin $exists");
        continue;
      }
      JsonNode operand = e.getValue();
      List<String> found = operandProblems(op, operand, field);
      if (found.isEmpty()) {
        out.add(new Condition(field, op, JsonValues.canonical(operand)));
      } else {
        found.forEach(p -> problems.add(p + at(where)));
      }
    }
  }

  private static List<String> operandProblems(Operator op, JsonNode operand, String field) {
    List<String> problems = new ArrayList<>();
    switch (op) {
      case EXISTS -> {
        if (!operand.isBoolean()) {
          problems.add("$exists on '" + field + "' takes true or false");
        }
      }
      case IN, NIN -> {
        if (!operand.isArray()) {
          problems.add(op.token() + " on '" + field + "' takes an array");
        } else if (operand.size() > MAX_IN_VALUES) {
          problems.add(op.token() + " on '" + field + "' has " + operand.size() + " values; at most " + MAX_IN_VALUES);
        } else {
          for (JsonNode v : operand) {
            valueProblem(v, field).ifPresent(problems::add);
          }
        }
      }
      case GT, GTE, LT, LTE -> {
        if (!(operand.isNumber() || operand.isTextual() || operand.isBoolean() || operand.isNull())) {
          problems.add(op.token() + " on '" + field + "' takes a number, string, boolean or null");
        } else {
          valueProblem(operand, field).ifPresent(problems::add);
        }
      }
      case EQ, NE -> valueProblem(operand, field).ifPresent(problems::add);
    }
    return problems;
  }

  /** Values are data, never operators: reject objects with {@code $} keys anywhere inside them. */
  private static Optional<String> valueProblem(JsonNode value, String field) {
    if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
      return Optional.of("a value for '" + field + "' is " + value.doubleValue() + ", which is not a JSON number;"
          + " use a finite number");
    }
    if (value.isTextual() && value.textValue().length() > MAX_STRING) {
      return Optional.of("a value for '" + field + "' is longer than " + MAX_STRING + " characters");
    }
    if (value.isTextual() && value.textValue().indexOf('\0') >= 0) {
      return Optional.of("a value for '" + field + "' contains a NUL character");
    }
    if (value.isContainerNode()) {
      if (containerDepth(value, 0) > MAX_DEPTH) {
        return Optional.of("a value for '" + field + "' nests deeper than " + MAX_DEPTH + " levels");
      }
      Iterator<Map.Entry<String, JsonNode>> it = value.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().startsWith("$")) {
          return Optional.of(
              "a value for '" + field + "' holds the key " + Names.show(e.getKey())
                  + "; operators are only allowed directly under a property");
        }
        Optional<String> inner = valueProblem(e.getValue(), field);
        if (inner.isPresent()) {
          return inner;
        }
      }
      if (value.isArray()) {
        for (JsonNode item : value) {
          Optional<String> inner = valueProblem(item, field);
          if (inner.isPresent()) {
            return inner;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static int containerDepth(JsonNode node, int depth) {
    if (depth > MAX_DEPTH) {
      return depth;
    }
    int max = depth;
    for (JsonNode child : node) {
      if (child.isContainerNode()) {
        max = Math.max(max, containerDepth(child, depth + 1));
      }
    }
    return max;
  }

  /** A property path: dot-separated names, none empty, none starting with {@code $}, no NUL. */
  public static Optional<String> fieldProblem(String field) {
    if (field.isEmpty() || field.length() > 256) {
      return Optional.of("property path " + Names.show(field) + " must be 1-256 characters");
    }
    for (String step : field.split("\\.", -1)) {
      if (step.isEmpty() || step.startsWith("$") || step.indexOf('\0') >= 0) {
        return Optional.of(
            "property path " + Names.show(field) + " is invalid: names separated by single dots, none starting with '$'");
      }
    }
    return Optional.empty();
  }

  private static String at(String where) {
    return where.isEmpty() ? "" : " (at " + where + ")";
  }

  private static void collectFields(Node node, Set<String> out) {
    if (node instanceof Condition c) {
      out.add(c.field());
    } else if (node instanceof And a) {
      a.children().forEach(ch -> collectFields(ch, out));
    } else if (node instanceof Or o) {
      o.children().forEach(ch -> collectFields(ch, out));
    }
  }

  // ---------------------------------------------------------------- evaluation (MongoDB semantics)

  private static boolean eval(Node node, JsonNode doc) {
    if (node instanceof And a) {
      for (Node child : a.children()) {
        if (!eval(child, doc)) {
          return false;
        }
      }
      return true;
    }
    if (node instanceof Or o) {
      for (Node child : o.children()) {
        if (eval(child, doc)) {
          return true;
        }
      }
      return false;
    }
    Condition c = (Condition) node;
    JsonNode value = JsonValues.at(doc, c.field()).orElse(null);
    JsonNode operand = c.operand;
    return switch (c.operator()) {
      case EQ -> equalsMatch(value, operand);
      case NE -> !equalsMatch(value, operand);
      case IN -> anyEquals(value, (ArrayNode) operand);
      case NIN -> !anyEquals(value, (ArrayNode) operand);
      case EXISTS -> (value != null) == operand.booleanValue();
      case GT, GTE, LT, LTE -> rangeMatch(value, c.operator(), operand);
    };
  }

  private static boolean anyEquals(JsonNode value, ArrayNode operands) {
    for (JsonNode operand : operands) {
      if (equalsMatch(value, operand)) {
        return true;
      }
    }
    return false;
  }

  /** MongoDB equality: null matches missing; an array value matches if it or any element equals. */
  private static boolean equalsMatch(JsonNode value, JsonNode operand) {
    if (value == null || value.isNull()) {
      return operand.isNull();
    }
    if (JsonValues.equal(value, operand)) {
      return true;
    }
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (JsonValues.equal(element, operand)) {
          return true;
        }
      }
    }
    return false;
  }

  /** MongoDB range: only values of the operand's type bracket compare; arrays match on any element. */
  private static boolean rangeMatch(JsonNode value, Operator op, JsonNode operand) {
    if (operand.isNull()) {
      return (op == Operator.GTE || op == Operator.LTE) && (value == null || value.isNull());
    }
    if (value == null) {
      return false;
    }
    if (value.isArray()) {
      // Like MongoDB, look one level into arrays, not into arrays nested in them.
      for (JsonNode element : value) {
        if (!element.isArray() && scalarRangeMatch(element, op, operand)) {
          return true;
        }
      }
      return false;
    }
    return scalarRangeMatch(value, op, operand);
  }

  private static boolean scalarRangeMatch(JsonNode value, Operator op, JsonNode operand) {
    if (JsonValues.typeRank(value) != JsonValues.typeRank(operand)) {
      return false;
    }
    int cmp = JsonValues.compareForSort(value, operand);
    return switch (op) {
      case GT -> cmp > 0;
      case GTE -> cmp >= 0;
      case LT -> cmp < 0;
      case LTE -> cmp <= 0;
      default -> throw new IllegalStateException("not a range operator: " + op);
    };
  }
}
