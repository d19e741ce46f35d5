package io.udm.adapter.mongo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.json.JsonValues;
import java.util.Iterator;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Sort keys: what lets the server sort and page objects, arrays and binaries in {@link
 * JsonValues#SORT_ORDER}, reading no more heads than the page.
 *
 * <p>MongoDB cannot order those values as {@code SORT_ORDER} does (by their JSON text): its sort
 * takes an array by its smallest or largest element, and {@code $gt}/{@code $lt} on an array match
 * its elements, so neither a sort nor a keyset bound on the value itself is exact. So every head
 * carries, for each object, array or binary in its meta (at every path reached through objects
 * only, as {@link JsonValues#at} reads it), a string whose order is {@code SORT_ORDER}'s within
 * and across those brackets: the bracket's rank as one digit, then {@link JsonValues#sortText}. The
 * key is worked out from the meta as stored (after BSON), so it matches the value a listing returns
 * and a cursor carries back.
 *
 * <p>Stored as {@code sortKeys.<path>}, where the path escapes {@code %} and {@code .} as {@code %25}
 * and {@code %2E} (a property name may hold any other character), beside {@code sortKeysFormat}; a
 * head without that field was written before sort keys existed ({@link SortKeyBackfill}). Strings
 * compare by UTF-8 bytes on the server, which is {@code SORT_ORDER}'s order but for the characters
 * {@link SortBracket} names.
 */
final class SortKeys {
  static final String FIELD = "sortKeys";
  static final String FORMAT = "sortKeysFormat";
  static final int CURRENT_FORMAT = 1;

  private SortKeys() {}

  /** The sort keys of a head's meta as stored. */
  static BsonDocument of(ObjectNode storedMeta) {
    BsonDocument keys = new BsonDocument();
    collect(storedMeta, "", keys);
    return keys;
  }

  private static void collect(ObjectNode object, String prefix, BsonDocument into) {
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      if (SortBracket.of(value).sortedByKey()) {
        into.append(escape(path), new BsonString(key(value)));
      }
      if (value instanceof ObjectNode nested) {
        collect(nested, path, into);
      }
    }
  }

  /** The key of a value of a bracket sorted by key: its rank, then its text. */
  static String key(JsonNode value) {
    return JsonValues.typeRank(value) + JsonValues.sortText(value);
  }

  /** The field holding the sort key of the meta path {@code metaPath}. */
  static String field(String metaPath) {
    return FIELD + "." + escape(metaPath);
  }

  private static String escape(String metaPath) {
    return metaPath.replace("%", "%25").replace(".", "%2E");
  }
}
