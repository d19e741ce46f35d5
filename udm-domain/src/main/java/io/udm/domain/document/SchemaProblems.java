package io.udm.domain.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.CollectionSchema;
import io.udm.domain.content.ContentRefJson;
import java.util.ArrayList;
import java.util.List;

/**
 * A document's violations of its collection's JSON Schema, as problems starting with the value's
 * JSON Pointer. Values held as content references ({@code {"$content": ..}}: content the item
 * already has, carried forward) are not judged: base64 values are checked as sent, when they are.
 */
public final class SchemaProblems {
  /** More are counted, not listed: one bad array must not make a message of megabytes. */
  public static final int MAX_LISTED = 100;

  private SchemaProblems() {}

  public static List<String> of(JsonNode document, CollectionMap map) {
    List<String> problems = new ArrayList<>();
    int more = 0;
    for (CollectionSchema.Violation v : violations(document, map)) {
      if (problems.size() < MAX_LISTED) {
        problems.add(v.toString());
      } else {
        more++;
      }
    }
    if (more > 0) {
      problems.add("... and " + more + " more violations of the collection's schema");
    }
    return problems;
  }

  /** Every violation of {@code map}'s schema by {@code document} (none without a schema), content references aside. */
  public static List<CollectionSchema.Violation> violations(JsonNode document, CollectionMap map) {
    if (map.compiledSchema().isEmpty()) {
      return List.of();
    }
    return map.compiledSchema().get().violations(document).stream()
        .filter(v -> !insideContentRef(document, v.pointer()))
        .toList();
  }

  /** Whether the value at {@code pointer}, or one that holds it, is a content reference. */
  private static boolean insideContentRef(JsonNode document, String pointer) {
    JsonNode node = document;
    if (ContentRefJson.looksLikeRef(node)) {
      return true;
    }
    if (pointer.equals("/")) {
      return false;
    }
    for (String step : pointer.substring(1).split("/", -1)) {
      String name = step.replace("~1", "/").replace("~0", "~");
      node = node.isArray() && name.chars().allMatch(Character::isDigit) && !name.isEmpty()
          ? node.path(Integer.parseInt(name)) : node.path(name);
      if (node.isMissingNode()) {
        return false;
      }
      if (ContentRefJson.looksLikeRef(node)) {
        return true;
      }
    }
    return false;
  }
}
