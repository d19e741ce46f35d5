package io.udm.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One item of {@link ItemOps#enrichBatch}. */
public record EnrichRequest(String id, ObjectNode patch, EnrichOptions opts) {
  public EnrichRequest {
    if (patch == null) {
      throw new io.udm.api.error.ValidationException("an enrich request needs a patch (use {} for none)");
    }
    patch = patch.deepCopy();
  }

  /** The same request with the patch as plain Java JSON. */
  public EnrichRequest(String id, java.util.Map<String, ?> patch, EnrichOptions opts) {
    this(id, io.udm.api.json.JsonValues.fromMap(patch), opts);
  }

  @Override
  public ObjectNode patch() {
    return patch.deepCopy();
  }
}
