package io.udm.app.shadows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.config.UdmConfig;
import io.udm.api.json.JsonValues;
import io.udm.domain.write.PlannedVersion;
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
  /** Attempts against racing head movers before the shadow is left to the next write. */
  private static final int SHADOW_ROUNDS = 4;

  private final UdmConfig config;
  private final AtomicLong skippedForBulk = new AtomicLong();

  public DevShadowWriter(UdmConfig config) {
    this.config = config;
  }

  /** Whether committing {@code plan} for {@code request} owes a dev shadow. */
  public boolean wanted(WriteRequest request, PlannedVersion plan) {
    if (!config.devShadow().enabled()) {
      return false;
    }
    if (config.writeOptimization().allowShadowSkip() && request.bulk()) {
      skippedForBulk.incrementAndGet();
      return false;
    }
    return plan.storedBytes().length <= config.devShadow().maxBytesPerDoc();
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
    if (backend.heads().compareAndSet(version.ov(), shadowed).applied()) {
      return;
    }
    // The head is not at this version: a newer version's own work writes its shadow, but a head
    // never moved to it (its writer died after the commit) is moved here, as a read would, with the
    // shadow, so the repair does not leave the newest head shadowless. A reader rolling the head
    // forward at the same moment wins the race: then the head is at this version, so try again.
    for (int round = 0; round < SHADOW_ROUNDS; round++) {
      Optional<HeadRecord> head = backend.heads().find(version.key());
      long at = head.map(HeadRecord::ov).orElse(0L);
      if (at > version.ov()
          || (at < version.ov() && backend.versions().latest(version.key()).map(VersionRecord::ov).orElse(0L)
              != version.ov())) {
        return;
      }
      HeadWrite written = head.isEmpty() ? backend.heads().insert(shadowed)
          : backend.heads().compareAndSet(at, shadowed);
      if (written.applied()) {
        return;
      }
    }
    // Still racing: the item is busy, and its next write puts a shadow of its own.
  }
}
