package io.udm.domain.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ContentRef;
import java.util.List;

/**
 * A document whose base64 properties are replaced by content references.
 *
 * @param document the document as stored: every configured base64 path holds a {@code $content} reference
 * @param refs one reference per externalized path, in configuration order
 * @param uploads the blobs this write must upload: new bytes only (what the item's current version
 *     already references is stored)
 */
public record ExternalizedDocument(ObjectNode document, List<ContentRef> refs, List<ContentBlob> uploads) {
  public ExternalizedDocument {
    document = document.deepCopy();
    refs = List.copyOf(refs);
    uploads = List.copyOf(uploads);
  }

  @Override
  public ObjectNode document() {
    return document.deepCopy();
  }
}
