package io.udm.app.shadows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.config.UdmConfig;
import io.udm.api.json.JsonValues;
import io.udm.app.write.CommitListener;
import io.udm.app.write.CommittedWrite;
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
public final class DevShadowWriter implements CommitListener {
  private final UdmConfig config;

  public DevShadowWriter(UdmConfig config) {
    this.config = config;
  }

  @Override
  public void committed(CommittedWrite write) {
    if (!config.devShadow().enabled()) {
      return;
    }
    if (config.writeOptimization().allowShadowSkip() && write.request().bulk()) {
      return;
    }
    ObjectNode document = write.plan().storedDocument();
    VersionRecord after = write.after();
    long bytes = JsonValues.toBytes(document).length;
    if (bytes > config.devShadow().maxBytesPerDoc()) {
      return;
    }
    DevShadow shadow = new DevShadow(document, after.at().plus(Duration.ofHours(config.devShadow().ttlHours())), bytes);
    // A conflict means the head is elsewhere (a newer version, or not moved yet): no shadow then.
    write.backend().heads().compareAndSet(after.ov(), HeadRecord.of(after).withShadow(Optional.of(shadow)));
  }
}
