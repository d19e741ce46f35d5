package io.udm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.domain.write.SystemHeaders;
import io.udm.spi.BackendPorts;
import io.udm.spi.VersionRecord;

/** The caller's data a committed version holds: its payload without {@code _system}. */
final class VersionData {
  private VersionData() {}

  static ObjectNode userData(BackendPorts backend, VersionRecord v) {
    return SystemHeaders.userData(StoredPayloads.read(backend.blobs(), v.key(), v.ov(), v.payloadKey()));
  }
}
