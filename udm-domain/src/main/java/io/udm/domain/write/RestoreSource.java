package io.udm.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The state a restore brings an item back to: the caller's data (without {@code _system}), whether
 * the item is deleted in that state, and the function ids recorded with it.
 */
public record RestoreSource(ObjectNode data, boolean deleted, List<String> functionIds) {
  public RestoreSource {
    data = data.deepCopy();
    functionIds = List.copyOf(functionIds);
  }

  @Override
  public ObjectNode data() {
    return data.deepCopy();
  }
}
