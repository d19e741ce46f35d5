package io.udm.app.write;

import io.udm.domain.write.WriteRequest;
import io.udm.spi.BackendPorts;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.Optional;

/**
 * What one attempt of a write builds on: the request, the backend pair it commits on, and the
 * item's newest committed version there (empty for a new item).
 */
public record WriteBasis(BackendPorts backend, WriteRequest request, Optional<VersionRecord> latest) {
  public ItemKey key() {
    return request.key();
  }
}
