package io.udm.domain.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.json.JsonValues;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * The enrichment merge of ARCHITECTURE.md: a patch is merged into a document key by key.
 *
 * <ul>
 *   <li>an object in the patch merges into an object in the document, recursively (into an empty
 *       object when the document has none there);
 *   <li>an array in the patch merges into an array in the document (into an empty array when the
 *       document has none there) as their union: the document's elements stay as they are, in
 *       their order, and each patch element follows unless it is JSON-equal ({@link
 *       JsonValues#equal}, so {@code 1} equals {@code 1.0}) to an element already in the result;
 *   <li>any other patch value (a scalar, or a value whose kind differs from the document's) wins;
 *   <li>{@code null} in the patch removes the key (a {@code null} inside an array is just a value).
 * </ul>
 *
 * Laws (checked by property tests): merging {@code {}} changes nothing; merging the same patch
 * twice equals merging it once. Pure; neither input is modified.
 */
public final class DeepMerge {
  private DeepMerge() {}

  /** A new document: {@code document} with {@code patch} merged in. */
  public static ObjectNode merge(ObjectNode document, ObjectNode patch) {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(patch, "patch");
    ObjectNode out = document.deepCopy();
    mergeInto(out, patch);
    return out;
  }

  private static void mergeInto(ObjectNode target, ObjectNode patch) {
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      JsonNode existing = target.get(name);
      if (value == null || value.isNull()) {
        target.remove(name);
      } else if (value.isObject()) {
        ObjectNode into = existing != null && existing.isObject()
            ? (ObjectNode) existing
            : JsonValues.NODES.objectNode();
        mergeInto(into, (ObjectNode) value);
        target.set(name, into);
      } else if (value.isArray()) {
        ArrayNode into = existing != null && existing.isArray()
            ? (ArrayNode) existing
            : JsonValues.NODES.arrayNode();
        union(into, (ArrayNode) value);
        target.set(name, into);
      } else {
        target.set(name, value.deepCopy());
      }
    }
  }

  /** Appends each patch element not JSON-equal to one already in {@code target}. */
  private static void union(ArrayNode target, ArrayNode patch) {
    for (JsonNode element : patch) {
      if (!contains(target, element)) {
        target.add(element.deepCopy());
      }
    }
  }

  private static boolean contains(ArrayNode array, JsonNode element) {
    for (JsonNode present : array) {
      if (JsonValues.equal(present, element)) {
        return true;
      }
    }
    return false;
  }
}
