package io.udm.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ContentRef;
import java.util.List;

/**
 * The state a restore brings an item back to: the caller's data (without {@code _system}), whether
 * the item is deleted in that state, the function ids recorded with it, and the content references
 * its data holds.
 */
public record RestoreSource(ObjectNode data, boolean deleted, List<String> functionIds, List<ContentRef> content) {
  public RestoreSource {
    data = data.deepCopy();
    functionIds = List.copyOf(functionIds);
    content = List.copyOf(content);
  }

  @Override
  public ObjectNode data() {
    return data.deepCopy();
  }

  /** The same state, marked deleted: what an item that did not exist at a restore target becomes. */
  public RestoreSource asDeleted() {
    return new RestoreSource(data, true, functionIds, content);
  }
}
