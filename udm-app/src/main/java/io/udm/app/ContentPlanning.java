package io.udm.app;

import io.udm.api.ContentRef;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ExternalizationException;
import io.udm.domain.content.ContentExternalizer;
import io.udm.domain.write.PlannedVersion;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The content part of planning a write: the collection's base64 properties leave the document for
 * the content bucket ({@link ContentExternalizer}). Pure: a refusal happens before anything is written.
 */
final class ContentPlanning {
  private final UdmConfig config;
  private final ContentExternalizer externalizer;

  ContentPlanning(UdmConfig config) {
    this.config = config;
    this.externalizer = new ContentExternalizer(config.limits().maxContentBytes());
  }

  PlannedVersion apply(ItemKey key, PlannedVersion plan, Optional<VersionRecord> latest) {
    List<ContentRef> held = new ArrayList<>(latest.map(VersionRecord::content).orElse(List.of()));
    held.addAll(plan.heldContent());
    return externalizer
        .externalize(key, plan.storedDocument(), config.collectionMap(key.collection().collection()).base64Props(), held)
        .map(plan::withContent)
        .getOrElseThrow(ExternalizationException::new);
  }
}
