package io.udm.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * One version of an item as read. {@link #data()} and {@link #meta()} hand out fresh copies, so
 * callers may change them freely.
 */
public record ItemView(
    String id,
    long ov,
    long cv,
    Instant at,
    ObjectNode data,
    ObjectNode meta,
    SystemHeader system,
    Map<String, ContentRef> content,
    boolean deleted) {
  public ItemView {
    data = data.deepCopy();
    meta = meta.deepCopy();
    content = Map.copyOf(content);
  }

  @Override
  public ObjectNode data() {
    return data.deepCopy();
  }

  @Override
  public ObjectNode meta() {
    return meta.deepCopy();
  }
}
