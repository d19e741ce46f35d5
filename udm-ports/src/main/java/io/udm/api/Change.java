package io.udm.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/** One committed version in a collection's change feed; {@code data} only when asked for. */
public record Change(String id, long ov, long cv, Instant at, Op op, Optional<String> actor,
    Optional<String> functionId, Optional<ObjectNode> data) {
  public Change {
    data = data.map(ObjectNode::deepCopy);
  }

  @Override
  public Optional<ObjectNode> data() {
    return data.map(ObjectNode::deepCopy);
  }
}
