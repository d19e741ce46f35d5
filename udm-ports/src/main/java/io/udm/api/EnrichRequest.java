package io.udm.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One item of {@link ItemOps#enrichBatch}. */
public record EnrichRequest(String id, ObjectNode patch, EnrichOptions opts) {
  public EnrichRequest {
    patch = patch.deepCopy();
  }

  @Override
  public ObjectNode patch() {
    return patch.deepCopy();
  }
}
