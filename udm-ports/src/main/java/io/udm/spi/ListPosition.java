package io.udm.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.json.JsonValues;

/** Keyset position: the sort value (JSON null when the property is missing) and the object id of the last item seen. */
public record ListPosition(JsonNode sortValue, String objectId) {
  public ListPosition {
    sortValue = sortValue == null ? JsonValues.NODES.nullNode() : sortValue.deepCopy();
  }

  @Override
  public JsonNode sortValue() {
    return sortValue.deepCopy();
  }
}
