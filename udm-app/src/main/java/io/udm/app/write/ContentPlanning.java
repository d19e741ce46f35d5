package io.udm.app.write;

import io.udm.api.ContentRef;
import io.udm.api.config.Base64Prop;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ExternalizationException;
import io.udm.api.error.NotFoundException;
import io.udm.domain.content.ContentBlob;
import io.udm.domain.content.ContentCodec;
import io.udm.domain.content.ContentExternalizer;
import io.udm.domain.content.ExternalizedDocument;
import io.udm.domain.write.PlannedVersion;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import io.udm.spi.ItemKey;
import io.udm.spi.HeadRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The content part of planning a write: the collection's base64 properties leave the document for
 * the content bucket ({@link ContentExternalizer}); a refusal happens before anything is written.
 *
 * <p>Only the content the version it builds on references is reused as stored. Content a restore
 * brings back from an older version is read and uploaded again, like new bytes: between reading
 * the target and committing, retention or garbage collection may remove what only older versions
 * referenced, and an upload (plus the commit protocol's check after the commit) makes the new
 * version's content its own.
 */
final class ContentPlanning {
  private final UdmConfig config;
  private final ContentExternalizer externalizer;

  ContentPlanning(UdmConfig config) {
    this.config = config;
    this.externalizer = new ContentExternalizer(config.limits().maxContentBytes());
  }

  /** {@code plan} with the configured base64 values its request sends moved out to the content bucket. */
  PlannedVersion externalized(WriteBasis basis, PlannedVersion plan) {
    ItemKey key = basis.key();
    Map<String, Base64Prop> props = config.collectionMap(key.collection().collection()).base64Props();
    List<ContentRef> current = basis.latest().map(HeadRecord::content).orElse(List.of());
    if (props.isEmpty() && current.isEmpty() && plan.heldContent().isEmpty()) {
      // No base64 property and no content to keep: nothing leaves the document (most collections).
      return plan;
    }
    List<ContentRef> held = new ArrayList<>(current);
    held.addAll(plan.heldContent());
    ExternalizedDocument externalized = externalizer
        .externalize(key, plan.storedDocument(), props, held, basis.request().sentContentPaths(props.keySet()))
        .getOrElseThrow(ExternalizationException::new);
    return plan.withContent(withReuploads(basis.backend(), key, externalized, current));
  }

  /** Content referenced now but not by the current version nor uploaded by this write is uploaded again. */
  private static ExternalizedDocument withReuploads(BackendPorts backend, ItemKey key, ExternalizedDocument doc,
      List<ContentRef> current) {
    Set<String> covered = current.stream().map(ContentRef::key).collect(Collectors.toCollection(HashSet::new));
    doc.uploads().forEach(blob -> covered.add(blob.key()));
    List<ContentBlob> uploads = new ArrayList<>(doc.uploads());
    for (ContentRef ref : doc.refs()) {
      if (covered.add(ref.key())) {
        byte[] bytes = backend.blobs().get(BlobArea.CONTENT, ref.key()).orElseThrow(() -> new NotFoundException(
            "the content of " + key + " at " + ref.path() + " (" + ref.key() + ") is no longer stored, so that"
                + " state cannot be brought back whole; restore a version whose content is kept"));
        ContentCodec.inlineValue(ref, bytes, false).getOrElseThrow(problem -> new ExternalizationException(problem));
        uploads.add(new ContentBlob(ref.path(), ref.key(), ref.sha256(), ref.contentType(), bytes));
      }
    }
    return uploads.size() == doc.uploads().size() ? doc : new ExternalizedDocument(doc.document(), doc.refs(), uploads);
  }
}
