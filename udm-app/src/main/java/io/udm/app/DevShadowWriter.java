package io.udm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.config.UdmConfig;
import io.udm.api.json.JsonValues;
import io.udm.domain.write.PlannedVersion;
import io.udm.spi.BackendPorts;
import io.udm.spi.DevShadow;
import io.udm.spi.HeadRecord;
import io.udm.spi.VersionRecord;
import java.time.Duration;
import java.util.Optional;

/**
 * After a commit, puts the full stored JSON on the new head as a dev shadow (expiring {@code
 * ttlHours} after the commit), when {@code devShadow.enabled}. Skipped when the document is larger
 * than {@code maxBytesPerDoc}, or for bulk writes when {@code allowShadowSkip}. The head is set by
 * compare-and-set at the committed ov: if a newer version moved the head meanwhile (or the head
 * did not move yet), the shadow is skipped, so a shadow never shows an older version than its head.
 */
final class DevShadowWriter implements CommitListener {
  private final UdmConfig config;

  DevShadowWriter(UdmConfig config) {
    this.config = config;
  }

  @Override
  public void committed(BackendPorts backend, Optional<VersionRecord> before, VersionRecord after, PlannedVersion plan) {
    if (!config.devShadow().enabled()) {
      return;
    }
    if (config.writeOptimization().allowShadowSkip() && BulkWrite.active()) {
      return;
    }
    ObjectNode document = plan.storedDocument();
    long bytes = JsonValues.toBytes(document).length;
    if (bytes > config.devShadow().maxBytesPerDoc()) {
      return;
    }
    DevShadow shadow = new DevShadow(document, after.at().plus(Duration.ofHours(config.devShadow().ttlHours())), bytes);
    // A conflict means the head is elsewhere (a newer version, or not moved yet): no shadow then.
    backend.heads().compareAndSet(after.ov(), HeadRecord.of(after).withShadow(Optional.of(shadow)));
  }
}
