package io.udm.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.json.JsonValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the typed fields of one JSON object of a config, recording a problem for each missing or
 * mistyped value instead of stopping at the first. A required value that is missing or mistyped
 * yields a stand-in (empty string, empty object) so binding can go on; the problem recorded at
 * its path keeps the stand-in from ever being used or reported twice. {@code JSON null} counts
 * as absent. Values never appear in messages: they may be secrets.
 */
final class Fields {
  private final ObjectNode object;
  private final String path;
  private final Consumer<Problem> problems;
  private final Set<String> substitutedPaths;
  private final Set<String> known = new LinkedHashSet<>();

  private Fields(ObjectNode object, String path, Consumer<Problem> problems, Set<String> substitutedPaths) {
    this.object = object;
    this.path = path;
    this.problems = problems;
    this.substitutedPaths = substitutedPaths;
  }

  /** Fields of {@code node}, which must be an object; anything else is reported and read as an empty object. */
  static Fields of(JsonNode node, String path, Consumer<Problem> problems, Set<String> substitutedPaths) {
    if (node instanceof ObjectNode object) {
      return new Fields(object, path, problems, substitutedPaths);
    }
    problems.accept(Problem.at(path, "expected an object, found " + describe(node)));
    return standIn(path, substitutedPaths);
  }

  /** An empty object whose problems nobody hears: stands in for a value already reported. */
  private static Fields standIn(String path, Set<String> substitutedPaths) {
    return new Fields(JsonValues.NODES.objectNode(), path, problem -> {}, substitutedPaths);
  }

  String pathOf(String name) {
    return ConfigPath.field(path, name);
  }

  // ---------------------------------------------------------------- scalars

  String requiredString(String name) {
    return optionalString(name, true).orElse("");
  }

  Optional<String> optionalString(String name) {
    return optionalString(name, false);
  }

  private Optional<String> optionalString(String name, boolean required) {
    return value(name, required).flatMap(v -> text(v, pathOf(name)));
  }

  Optional<Boolean> optionalBoolean(String name) {
    return value(name, false).flatMap(v -> {
      if (v.isBoolean()) {
        return Optional.of(v.booleanValue());
      }
      String at = pathOf(name);
      if (v.isTextual() && substitutedPaths.contains(at)) {
        String text = v.textValue().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
          return Optional.of(Boolean.parseBoolean(text));
        }
        problems.accept(Problem.at(at, "expected true or false; the environment variable used here holds something else"));
        return Optional.empty();
      }
      problems.accept(Problem.at(at, "expected true or false, found " + describe(v)));
      return Optional.empty();
    });
  }

  Optional<Integer> optionalInt(String name) {
    return optionalWholeNumber(name, Integer.MIN_VALUE, Integer.MAX_VALUE).map(Long::intValue);
  }

  Optional<Long> optionalLong(String name) {
    return optionalWholeNumber(name, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  private Optional<Long> optionalWholeNumber(String name, long min, long max) {
    return value(name, false).flatMap(v -> {
      String at = pathOf(name);
      Optional<Long> number;
      if (v.isIntegralNumber()) {
        number = v.canConvertToLong() ? Optional.of(v.longValue()) : Optional.empty();
      } else if (v.isNumber()) {
        problems.accept(Problem.at(at, "expected a whole number, found a decimal"));
        return Optional.empty();
      } else if (v.isTextual() && substitutedPaths.contains(at)) {
        try {
          number = Optional.of(Long.parseLong(v.textValue().trim()));
        } catch (NumberFormatException e) {
          problems.accept(Problem.at(at, "expected a whole number; the environment variable used here holds something else"));
          return Optional.empty();
        }
      } else {
        problems.accept(Problem.at(at, "expected a whole number, found " + describe(v)));
        return Optional.empty();
      }
      if (number.isEmpty() || number.get() < min || number.get() > max) {
        problems.accept(Problem.at(at, "is out of range; use a whole number from " + min + " to " + max));
        return Optional.empty();
      }
      return number;
    });
  }

  /** Any JSON value, unchecked (for {@code when} predicates and {@code rollup}). */
  Optional<JsonNode> optionalValue(String name) {
    return value(name, false);
  }

  ObjectNode requiredObjectNode(String name) {
    return value(name, true).map(v -> {
      if (v instanceof ObjectNode object) {
        return object.deepCopy();
      }
      problems.accept(Problem.at(pathOf(name), "expected an object, found " + describe(v)));
      return JsonValues.NODES.objectNode();
    }).orElseGet(JsonValues.NODES::objectNode);
  }

  // ---------------------------------------------------------------- containers

  Optional<Fields> optionalObject(String name) {
    return value(name, false).flatMap(v -> {
      if (v instanceof ObjectNode object) {
        return Optional.of(new Fields(object, pathOf(name), problems, substitutedPaths));
      }
      problems.accept(Problem.at(pathOf(name), "expected an object, found " + describe(v)));
      return Optional.empty();
    });
  }

  /** Strings of an optional array; a mistyped element is reported and kept as "" so indexes stay aligned. */
  List<String> stringList(String name) {
    List<String> out = new ArrayList<>();
    forEachElement(name, (element, at) -> out.add(text(element, at).orElse("")));
    return out;
  }

  /** Objects of an optional array; a mistyped element is reported and kept as a silent empty object. */
  List<Fields> objectList(String name) {
    List<Fields> out = new ArrayList<>();
    forEachElement(name, (element, at) -> out.add(of(element, at, problems, substitutedPaths)));
    return out;
  }

  /** Entries of an optional object whose values are objects, keyed by the user's names. */
  Map<String, Fields> objectEntries(String name) {
    Map<String, Fields> out = new LinkedHashMap<>();
    optionalObject(name).ifPresent(map -> {
      for (Map.Entry<String, JsonNode> entry : map.object.properties()) {
        String at = ConfigPath.field(map.path, entry.getKey());
        JsonNode v = entry.getValue();
        out.put(entry.getKey(), v.isNull() ? standIn(at, substitutedPaths) : of(v, at, problems, substitutedPaths));
      }
    });
    return out;
  }

  /** Entries of an optional object, values unchecked. */
  Map<String, JsonNode> rawEntries(String name) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    optionalObject(name).ifPresent(map -> map.object.properties().forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  /** Reports every field this object holds that no reader asked for, suggesting the likely intended name. */
  void rejectUnknownFields() {
    object.fieldNames().forEachRemaining(name -> {
      if (known.contains(name)) {
        return;
      }
      String hint = Suggestions.closest(name, known)
          .map(candidate -> "did you mean '" + candidate + "'?")
          .orElse("the fields allowed here are " + String.join(", ", known));
      problems.accept(Problem.at(pathOf(name), "unknown field; " + hint));
    });
  }

  // ---------------------------------------------------------------- helpers

  private interface ElementReader {
    void read(JsonNode element, String path);
  }

  private void forEachElement(String name, ElementReader reader) {
    value(name, false).ifPresent(v -> {
      if (!v.isArray()) {
        problems.accept(Problem.at(pathOf(name), "expected an array (a list), found " + describe(v)));
        return;
      }
      for (int i = 0; i < v.size(); i++) {
        reader.read(v.get(i), ConfigPath.index(pathOf(name), i));
      }
    });
  }

  private Optional<JsonNode> value(String name, boolean required) {
    known.add(name);
    JsonNode v = object.get(name);
    if (v == null || v.isNull()) {
      if (required) {
        problems.accept(Problem.at(pathOf(name), "required"));
      }
      return Optional.empty();
    }
    return Optional.of(v);
  }

  private Optional<String> text(JsonNode v, String at) {
    if (v.isTextual()) {
      return Optional.of(v.textValue());
    }
    String hint = v.isValueNode() && !v.isNull() ? " (write it in quotes)" : "";
    problems.accept(Problem.at(at, "expected a string, found " + describe(v) + hint));
    return Optional.empty();
  }

  static String describe(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "nothing (null)";
    }
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "true/false";
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isObject()) {
      return "an object";
    }
    return v.getNodeType().toString().toLowerCase(Locale.ROOT);
  }
}
