package io.udm.domain.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ContentRef;
import io.udm.api.Op;
import io.udm.api.SystemHeader;
import io.udm.api.json.JsonValues;
import io.udm.domain.content.ContentBlob;
import io.udm.domain.content.ExternalizedDocument;
import java.time.Instant;
import java.util.List;

/**
 * What a write will commit, decided before any I/O: the next ov, the stored document (data plus
 * {@code _system}), its indexed meta and header, and its content: the references the stored
 * document holds and the blobs to upload first.
 *
 * @param heldContent content references the version may reuse besides the current version's (a
 *     restore's target's)
 */
public record PlannedVersion(
    long ov, Instant at, Op op, ObjectNode storedDocument, ObjectNode meta, SystemHeader system,
    List<ContentRef> heldContent, List<ContentRef> content, List<ContentBlob> uploads) {
  public PlannedVersion {
    storedDocument = storedDocument.deepCopy();
    meta = meta.deepCopy();
    heldContent = List.copyOf(heldContent);
    content = List.copyOf(content);
    uploads = List.copyOf(uploads);
  }

  /** A version whose content is not yet externalized. */
  public PlannedVersion(long ov, Instant at, Op op, ObjectNode storedDocument, ObjectNode meta, SystemHeader system,
      List<ContentRef> heldContent) {
    this(ov, at, op, storedDocument, meta, system, heldContent, List.of(), List.of());
  }

  /** This version with its base64 properties moved out as {@code externalized} says. */
  public PlannedVersion withContent(ExternalizedDocument externalized) {
    return new PlannedVersion(ov, at, op, externalized.document(), meta, system, heldContent,
        externalized.refs(), externalized.uploads());
  }

  @Override
  public ObjectNode storedDocument() {
    return storedDocument.deepCopy();
  }

  /** The stored document as JSON bytes: what the commit stores, written without a copy of the tree. */
  public byte[] storedBytes() {
    return JsonValues.toBytes(storedDocument);
  }

  @Override
  public ObjectNode meta() {
    return meta.deepCopy();
  }

  public long expectedCurrentOv() {
    return ov - 1;
  }
}
