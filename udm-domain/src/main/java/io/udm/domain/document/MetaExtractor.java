package io.udm.domain.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Names;
import io.udm.api.json.JsonValues;
import io.udm.domain.content.ContentRefJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code meta} of an item: its values at the collection's indexed property paths, which the
 * heads store next to the pointer so queries and counter rules never load the payload.
 */
public final class MetaExtractor {
  private MetaExtractor() {}

  /**
   * The projection of {@code data} onto {@code indexedProps} (dotted paths through nested objects).
   * Nesting is kept ({@code profile.email} gives {@code {"profile":{"email":..}}}), absent props are
   * left out, a JSON null is kept, and values are deep copies with their objects' keys sorted
   * ({@link JsonValues#canonical}), so equality filters on objects do not depend on key order.
   * Copying is recursive: pass data that {@link DocumentRules} has accepted.
   */
  public static ObjectNode extract(JsonNode data, List<String> indexedProps) {
    ObjectNode meta = JsonValues.NODES.objectNode();
    for (String prop : indexedProps) {
      // A content reference (a prop that was a base64 prop before the config changed) is no meta value.
      JsonValues.at(data, prop)
          .filter(value -> !ContentRefJson.looksLikeRef(value))
          .ifPresent(value -> JsonValues.put(meta, prop, JsonValues.canonical(value)));
    }
    return meta;
  }

  /** One problem per required indexed prop that is absent or JSON null in {@code data}. */
  public static List<String> missingRequired(JsonNode data, List<String> requiredIndexed, String collection) {
    List<String> problems = new ArrayList<>();
    for (String prop : requiredIndexed) {
      Optional<JsonNode> value = JsonValues.at(data, prop);
      if (value.isEmpty()) {
        problems.add(
            "required indexed property " + Names.show(prop) + " is missing in collection " + Names.show(collection)
                + "; set it in the item");
      } else if (value.get().isNull()) {
        problems.add(
            "required indexed property " + Names.show(prop) + " is null in collection " + Names.show(collection)
                + "; set it to a value in the item");
      }
    }
    return List.copyOf(problems);
  }
}
