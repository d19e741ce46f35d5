package io.udm.app.shadows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.config.UdmConfig;
import io.udm.api.json.JsonValues;
import io.udm.domain.write.WriteRequest;
import io.udm.spi.BackendPorts;
import io.udm.spi.DevShadow;
import io.udm.spi.HeadRecord;
import io.udm.spi.HeadWrite;
import io.udm.spi.VersionRecord;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts the full stored JSON on a version's head as a dev shadow (expiring {@code ttlHours} after
 * the commit), when {@code devShadow.enabled}. Skipped when the document is larger than {@code
 * maxBytesPerDoc}, or for bulk writes when {@code allowShadowSkip}. The head is set by
 * compare-and-set at the version's ov: if a newer version moved the head meanwhile (or the head did
 * not move yet), the shadow is skipped, so a shadow never shows an older version than its head.
 * Putting the same shadow twice changes nothing, so a retried shadow is harmless.
 */
public final class DevShadowWriter {
  private final UdmConfig config;
  private final AtomicLong skippedForBulk = new AtomicLong();

  public DevShadowWriter(UdmConfig config) {
    this.config = config;
  }

  /** Whether committing {@code storedDocument} for {@code request} owes a dev shadow. */
  public boolean wanted(WriteRequest request, ObjectNode storedDocument) {
    if (!config.devShadow().enabled()) {
      return false;
    }
    if (config.writeOptimization().allowShadowSkip() && request.bulk()) {
      skippedForBulk.incrementAndGet();
      return false;
    }
    return JsonValues.toBytes(storedDocument).length <= config.devShadow().maxBytesPerDoc();
  }

  /** Shadows not written because the write was a bulk one and {@code allowShadowSkip} is on. */
  public long shadowsSkipped() {
    return skippedForBulk.get();
  }

  public void put(BackendPorts backend, VersionRecord version, ObjectNode storedDocument) {
    long bytes = JsonValues.toBytes(storedDocument).length;
    DevShadow shadow = new DevShadow(storedDocument, version.at().plus(Duration.ofHours(config.devShadow().ttlHours())),
        bytes);
    HeadRecord shadowed = HeadRecord.of(version).withShadow(Optional.of(shadow));
    HeadWrite written = backend.heads().compareAndSet(version.ov(), shadowed);
    if (written instanceof HeadWrite.Conflict conflict && conflict.currentOv() < version.ov()
        && backend.versions().latest(version.key()).map(VersionRecord::ov).orElse(0L) == version.ov()) {
      // The head was never moved to this version (its writer died after the commit): move it, as a
      // read would, with the shadow, so the repair does not leave the newest head shadowless.
      if (conflict.currentOv() == 0) {
        backend.heads().insert(shadowed);
      } else {
        backend.heads().compareAndSet(conflict.currentOv(), shadowed);
      }
    }
    // Any other conflict: the head is at a newer version, whose own work writes its shadow.
  }
}
