package io.udm.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Op;
import io.udm.api.SystemHeader;
import java.time.Instant;

/**
 * What a write will commit, decided before any I/O: the next ov, the stored document (data plus
 * {@code _system}), its indexed meta and header.
 */
public record PlannedVersion(long ov, Instant at, Op op, ObjectNode storedDocument, ObjectNode meta, SystemHeader system) {
  public PlannedVersion {
    storedDocument = storedDocument.deepCopy();
    meta = meta.deepCopy();
  }

  @Override
  public ObjectNode storedDocument() {
    return storedDocument.deepCopy();
  }

  @Override
  public ObjectNode meta() {
    return meta.deepCopy();
  }

  public long expectedCurrentOv() {
    return ov - 1;
  }
}
