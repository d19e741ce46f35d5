package io.udm.domain.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * One pass over a document with an explicit stack (never recursion, so a 10,000-deep document
 * cannot overflow the thread's stack), collecting invalid keys, numbers no store can keep, and the
 * nesting depth.
 *
 * <p>Depth counts containers: the top-level object is level 1, an object or array inside it
 * level 2, and so on. Scalars add nothing.
 */
final class DocumentWalk {
  /** A key that MongoDB or UDM's dotted paths cannot hold, with every reason it fails. */
  record BadKey(JsonPath path, List<String> flaws) {}

  /** A number no store can keep exactly, and why. */
  record BadNumber(JsonPath path, String flaw) {}

  /**
   * @param badKeysKept the first invalid keys, in document order, up to the cap
   * @param badKeysTotal how many invalid keys there are in all
   * @param badNumbersKept the first numbers that cannot be stored, in document order, up to the cap
   * @param badNumbersTotal how many such numbers there are in all
   * @param deepestLevel the deepest container level found
   * @param firstTooDeep the first container (in document order) past the depth limit, or null
   * @param jsonBytesAtMost a bound on the bytes of the document written as JSON: six per character of
   *     every string and key (the longest escape), the longest form of every number and literal, and
   *     the punctuation; the opaque containers' own bytes are not counted
   */
  record Findings(List<BadKey> badKeysKept, int badKeysTotal, List<BadNumber> badNumbersKept, int badNumbersTotal,
      int deepestLevel, JsonPath firstTooDeep, long jsonBytesAtMost) {}

  private DocumentWalk() {}

  static Findings walk(JsonNode root, int maxNestingDepth, int maxBadKeysKept) {
    return walk(root, maxNestingDepth, maxBadKeysKept, (path, node) -> false);
  }

  /** As above; containers for which {@code opaque} holds are not entered (checked by someone else). */
  static Findings walk(JsonNode root, int maxNestingDepth, int maxBadKeysKept, BiPredicate<JsonPath, JsonNode> opaque) {
    List<BadKey> badKeys = new ArrayList<>();
    int badKeysTotal = 0;
    List<BadNumber> badNumbers = new ArrayList<>();
    int badNumbersTotal = 0;
    int deepestLevel = 1;
    JsonPath firstTooDeep = null;
    long jsonBytesAtMost = 2;

    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(root, JsonPath.ROOT, 1));
    while (!stack.isEmpty()) {
      Frame frame = stack.peek();
      if (!frame.hasNext()) {
        stack.pop();
        continue;
      }
      Child child = frame.next();
      // A comma before every member, and for a key its quotes and colon.
      jsonBytesAtMost += 1 + (child.key() != null ? 6L * child.key().length() + 3 : 0);
      if (child.key() != null) {
        List<String> flaws = keyFlaws(child.key());
        if (!flaws.isEmpty()) {
          badKeysTotal++;
          if (badKeys.size() < maxBadKeysKept) {
            badKeys.add(new BadKey(child.path(), flaws));
          }
        }
      }
      if (child.value().isNumber()) {
        jsonBytesAtMost += numberBytesAtMost(child.value());
        Optional<String> flaw = NumberRules.flaw(child.value());
        if (flaw.isPresent()) {
          badNumbersTotal++;
          if (badNumbers.size() < maxBadKeysKept) {
            badNumbers.add(new BadNumber(child.path(), flaw.get()));
          }
        }
      } else if (child.value().isTextual()) {
        jsonBytesAtMost += 6L * child.value().textValue().length() + 2;
      } else if (child.value().isBoolean() || child.value().isNull()) {
        jsonBytesAtMost += 5;
      } else if (!child.value().isContainerNode()) {
        // Binary or an object Jackson would write its own way: no bound here.
        jsonBytesAtMost = Long.MAX_VALUE / 2;
      }
      if (child.value().isContainerNode() && !opaque.test(child.path(), child.value())) {
        jsonBytesAtMost += 2;
        int level = frame.level + 1;
        deepestLevel = Math.max(deepestLevel, level);
        if (level > maxNestingDepth && firstTooDeep == null) {
          firstTooDeep = child.path();
        }
        stack.push(new Frame(child.value(), child.path(), level));
      }
    }
    return new Findings(List.copyOf(badKeys), badKeysTotal, List.copyOf(badNumbers), badNumbersTotal, deepestLevel,
        firstTooDeep, jsonBytesAtMost);
  }

  /** The longest a number is written: a long or a double in at most 24 characters; a big one as it prints. */
  private static long numberBytesAtMost(JsonNode number) {
    return number.isBigDecimal() || number.isBigInteger() ? number.numberValue().toString().length() + 2L : 24;
  }

  /** Why MongoDB (or UDM's dotted meta paths) could not store this key; empty when it is fine. */
  static List<String> keyFlaws(String key) {
    if (!key.isEmpty() && key.charAt(0) != '$' && key.indexOf('.') < 0 && key.indexOf('\0') < 0) {
      return List.of();
    }
    List<String> flaws = new ArrayList<>(2);
    if (key.isEmpty()) {
      flaws.add("is empty");
      return flaws;
    }
    if (key.startsWith("$")) {
      flaws.add("starts with '$'");
    }
    if (key.indexOf('.') >= 0) {
      flaws.add("contains '.'");
    }
    if (key.indexOf('\0') >= 0) {
      flaws.add("contains a NUL character");
    }
    return flaws;
  }

  private record Child(String key, JsonPath path, JsonNode value) {}

  /** A container being visited and how far through its children the walk has got. */
  private static final class Frame {
    private final JsonPath path;
    private final int level;
    private final JsonNode array;
    private final Iterator<Map.Entry<String, JsonNode>> fields;
    private int nextIndex;

    Frame(JsonNode container, JsonPath path, int level) {
      this.path = path;
      this.level = level;
      this.array = container.isArray() ? container : null;
      this.fields = container.isObject() ? container.properties().iterator() : null;
    }

    boolean hasNext() {
      return array != null ? nextIndex < array.size() : fields.hasNext();
    }

    Child next() {
      if (array != null) {
        int index = nextIndex++;
        return new Child(null, path.index(index), array.get(index));
      }
      Map.Entry<String, JsonNode> field = fields.next();
      return new Child(field.getKey(), path.key(field.getKey()), field.getValue());
    }
  }
}
