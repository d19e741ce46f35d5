package io.udm.app.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Names;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import io.udm.spi.ListPosition;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque keyset cursors: the last item's sort value and id, plus the sort they belong to, so a
 * cursor is never applied to a different ordering.
 */
final class ListCursor {
  private ListCursor() {}

  static String encode(ListPosition position, Optional<String> sortField, boolean ascending) {
    ObjectNode c = JsonValues.NODES.objectNode();
    c.put("s", sortField.orElse(""));
    c.put("a", ascending);
    JsonNode value = position.sortValue();
    if (value != null && value.isContainerNode()) {
      // Carried as text, so the cursor itself only ever holds scalars (see decode).
      c.put("c", true);
      c.put("v", JsonValues.toJson(value));
    } else {
      c.set("v", value);
    }
    c.put("id", position.objectId());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(JsonValues.toBytes(c));
  }

  static ListPosition decode(String cursor, Optional<String> sortField, boolean ascending) {
    JsonNode c;
    try {
      c = JsonValues.fromBytes(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)));
    } catch (RuntimeException e) {
      throw malformed();
    }
    if (c == null || !c.isObject() || !c.path("id").isTextual() || !c.has("v") || !c.path("s").isTextual()) {
      throw malformed();
    }
    if (!c.path("s").asText().equals(sortField.orElse("")) || c.path("a").asBoolean() != ascending) {
      throw new ValidationException(
          "the cursor belongs to a listing with another sort order; list again without a cursor");
    }
    if (!c.get("v").isValueNode()) {
      // Only scalars are in a cursor UDM made; anything else was crafted and could be read as a
      // query operator by a store.
      throw malformed();
    }
    String id = c.path("id").asText();
    Names.objectIdProblem(id).ifPresent(p -> {
      throw malformed();
    });
    return new ListPosition(c.path("c").asBoolean(false) ? containerValue(c.get("v")) : c.get("v"), id);
  }

  /**
   * An object or array sort value, from its text. Stores page such values by a sort key computed
   * from them, never by using them as a query operand, so their keys cannot act as operators.
   */
  private static JsonNode containerValue(JsonNode text) {
    if (!text.isTextual()) {
      throw malformed();
    }
    JsonNode value;
    try {
      value = JsonValues.fromBytes(text.textValue().getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw malformed();
    }
    if (value == null || !value.isContainerNode()) {
      throw malformed();
    }
    return value;
  }

  private static ValidationException malformed() {
    return new ValidationException("the cursor is malformed; pass back a nextCursor exactly as it was returned");
  }
}
