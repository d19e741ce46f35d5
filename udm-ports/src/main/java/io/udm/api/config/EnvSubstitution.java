package io.udm.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.udm.api.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in every string value of a config tree with the environment variable
 * {@code NAME}, whole or embedded ({@code mongodb://${HOST}:27017}); <code>$${</code> writes a literal
 * <code>${</code>. Problems name the variable and the path, never a value.
 */
final class EnvSubstitution {
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The substituted copy, the problems, and the paths whose strings came (partly) from the environment. */
  record Result(JsonNode tree, List<Problem> problems, Set<String> substitutedPaths) {}

  private final Function<String, String> env;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> substitutedPaths = new HashSet<>();

  private EnvSubstitution(Function<String, String> env) {
    this.env = env;
  }

  static Result apply(JsonNode tree, Function<String, String> env) {
    EnvSubstitution substitution = new EnvSubstitution(env);
    JsonNode copy = tree.deepCopy();
    substitution.walk(copy, ConfigPath.ROOT);
    return new Result(copy, List.copyOf(substitution.problems), Set.copyOf(substitution.substitutedPaths));
  }

  private void walk(JsonNode node, String path) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        String fieldPath = ConfigPath.field(path, field.getKey());
        if (field.getValue().isTextual()) {
          field.setValue(substitute(field.getValue().textValue(), fieldPath));
        } else {
          walk(field.getValue(), fieldPath);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String itemPath = ConfigPath.index(path, i);
        if (array.get(i).isTextual()) {
          array.set(i, substitute(array.get(i).textValue(), itemPath));
        } else {
          walk(array.get(i), itemPath);
        }
      }
    }
  }

  private TextNode substitute(String text, String path) {
    if (!text.contains("${")) {
      return TextNode.valueOf(text);
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int close = text.indexOf('}', i + 2);
        if (close < 0) {
          problems.add(Problem.at(path, "'${' is never closed; write ${NAME} (or $${ for a literal '${')"));
          out.append(text, i, text.length());
          break;
        }
        out.append(lookUp(text.substring(i + 2, close), path).orElse(text.substring(i, close + 1)));
        i = close + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return TextNode.valueOf(out.toString());
  }

  private Optional<String> lookUp(String name, String path) {
    if (!VARIABLE_NAME.matcher(name).matches()) {
      problems.add(Problem.at(path, "the environment variable name " + Names.show(name) + " in ${...} is invalid;"
          + " use letters, digits and '_', not starting with a digit"));
      return Optional.empty();
    }
    String value = env.apply(name);
    if (value == null) {
      problems.add(Problem.at(path, "environment variable " + name + " is not set;"
          + " set it, or write the value instead of ${" + name + "}"));
      return Optional.empty();
    }
    substitutedPaths.add(path);
    return Optional.of(value);
  }
}
