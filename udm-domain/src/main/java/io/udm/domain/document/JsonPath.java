package io.udm.domain.document;

import io.udm.api.Names;

/**
 * Where a node sits in a document, as a chain of steps up to the root. Rendering is deferred to
 * the few paths that end up in a message: building a string per node would cost time and memory
 * quadratic in the depth.
 */
final class JsonPath {
  static final JsonPath ROOT = new JsonPath(null, null, -1, 0);

  /** Paths longer than this many steps show their start and end only. */
  private static final int MAX_SHOWN_STEPS = 24;
  private static final int MAX_PLAIN_KEY_LENGTH = 40;

  private final JsonPath parent;
  private final String key;
  private final int index;
  private final int length;

  private JsonPath(JsonPath parent, String key, int index, int length) {
    this.parent = parent;
    this.key = key;
    this.index = index;
    this.length = length;
  }

  JsonPath key(String name) {
    return new JsonPath(this, name, -1, length + 1);
  }

  JsonPath index(int position) {
    return new JsonPath(this, null, position, length + 1);
  }

  /** JSONPath-like: {@code $.a.b[2].$bad}; keys that are not plain show quoted: {@code $['a.b']}. */
  String render() {
    String[] steps = new String[length];
    JsonPath current = this;
    for (int i = length - 1; i >= 0; i--) {
      steps[i] = current.step();
      current = current.parent;
    }
    StringBuilder out = new StringBuilder("$");
    if (length <= MAX_SHOWN_STEPS) {
      for (String step : steps) {
        out.append(step);
      }
      return out.toString();
    }
    int half = MAX_SHOWN_STEPS / 2;
    for (int i = 0; i < half; i++) {
      out.append(steps[i]);
    }
    out.append(" ... (").append(length - 2 * half).append(" more steps) ... ");
    for (int i = length - half; i < length; i++) {
      out.append(steps[i]);
    }
    return out.toString();
  }

  /** The dotted path of object keys ({@code a.b}), or null when an array index is on the way. */
  String dotted() {
    String[] steps = new String[length];
    JsonPath current = this;
    for (int i = length - 1; i >= 0; i--) {
      if (current.key == null) {
        return null;
      }
      steps[i] = current.key;
      current = current.parent;
    }
    return String.join(".", steps);
  }

  @Override
  public String toString() {
    return render();
  }

  private String step() {
    if (key == null) {
      return "[" + index + "]";
    }
    return isPlain(key) ? "." + key : "[" + Names.show(key) + "]";
  }

  private static boolean isPlain(String key) {
    if (key.isEmpty() || key.length() > MAX_PLAIN_KEY_LENGTH) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
