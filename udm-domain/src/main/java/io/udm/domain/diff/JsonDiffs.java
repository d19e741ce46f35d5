package io.udm.domain.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import com.flipkart.zjsonpatch.JsonPatch;
import io.udm.api.json.JsonValues;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;

/**
 * RFC 6902 JSON Patches between two documents, made of {@code add}, {@code remove} and {@code
 * replace} only. Objects are compared key by key here; arrays are diffed element-wise by
 * zjsonpatch (a longest common subsequence, O(N*M) in time and memory), except where the two
 * arrays' sizes multiply past {@link #MAX_ARRAY_CELLS}: those are replaced whole, so a diff's
 * cost is bounded by the documents' size (itself bounded by {@code limits.maxDocumentBytes}).
 */
public final class JsonDiffs {
  /** Arrays whose sizes multiply past this are replaced whole rather than diffed element-wise. */
  public static final long MAX_ARRAY_CELLS = 250_000;

  private static final EnumSet<DiffFlags> FLAGS = EnumSet.of(
      DiffFlags.OMIT_MOVE_OPERATION, DiffFlags.OMIT_COPY_OPERATION, DiffFlags.OMIT_VALUE_ON_REMOVE);

  private JsonDiffs() {}

  /** The patch that turns {@code from} into {@code to}. */
  public static ArrayNode diff(JsonNode from, JsonNode to) {
    ArrayNode patch = JsonValues.NODES.arrayNode();
    diff(from, to, "", patch);
    return patch;
  }

  /** {@code patch} applied to a copy of {@code document}. */
  public static JsonNode apply(ArrayNode patch, JsonNode document) {
    return JsonPatch.apply(patch, document);
  }

  private static void diff(JsonNode from, JsonNode to, String path, ArrayNode patch) {
    if (from.equals(to)) {
      return;
    }
    if (from.isObject() && to.isObject()) {
      diffObjects((ObjectNode) from, (ObjectNode) to, path, patch);
    } else if (from.isArray() && to.isArray() && (long) from.size() * to.size() <= MAX_ARRAY_CELLS) {
      for (JsonNode op : JsonDiff.asJson(from, to, FLAGS)) {
        ObjectNode prefixed = ((ObjectNode) op).deepCopy();
        prefixed.put("path", path + op.path("path").asText());
        patch.add(prefixed);
      }
    } else {
      patch.add(op("replace", path).set("value", to.deepCopy()));
    }
  }

  private static void diffObjects(ObjectNode from, ObjectNode to, String path, ArrayNode patch) {
    Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String childPath = path + "/" + escape(field.getKey());
      JsonNode target = to.get(field.getKey());
      if (target == null) {
        patch.add(op("remove", childPath));
      } else {
        diff(field.getValue(), target, childPath, patch);
      }
    }
    Iterator<Map.Entry<String, JsonNode>> added = to.fields();
    while (added.hasNext()) {
      Map.Entry<String, JsonNode> field = added.next();
      if (!from.has(field.getKey())) {
        patch.add(op("add", path + "/" + escape(field.getKey())).set("value", field.getValue().deepCopy()));
      }
    }
  }

  private static ObjectNode op(String name, String path) {
    return JsonValues.NODES.objectNode().put("op", name).put("path", path);
  }

  /** RFC 6901: '~' and '/' in a key are written '~0' and '~1'. */
  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
