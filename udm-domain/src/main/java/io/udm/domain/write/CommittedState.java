package io.udm.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.json.JsonValues;
import java.util.Optional;

/**
 * What the pipeline read of an item before a write is planned: its newest committed version (if
 * any), its current data when the write needs it, and the state a restore goes back to.
 *
 * @param currentData the live item's data without {@code _system}; empty for a deleted or absent
 *     item, or when the write did not ask for it
 */
public record CommittedState(Optional<CurrentState> current, ObjectNode currentData, Optional<RestoreSource> restoreSource) {
  public CommittedState {
    currentData = currentData.deepCopy();
  }

  /** The state of an item the write reads nothing more of. */
  public static CommittedState of(Optional<CurrentState> current) {
    return new CommittedState(current, JsonValues.NODES.objectNode(), Optional.empty());
  }

  @Override
  public ObjectNode currentData() {
    return currentData.deepCopy();
  }
}
