package io.udm.app.write;

import io.udm.domain.write.PlannedVersion;
import io.udm.domain.write.WriteRequest;
import io.udm.spi.BackendPorts;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import io.udm.spi.PendingEffects;
import io.udm.spi.VersionRecord;
import java.util.Optional;

/**
 * One attempt of a write, prepared before anything is stored: what it builds on, the version it
 * will commit (content already moved out of the document), and the after-commit work it will owe.
 * Built once per attempt and handed down unchanged to the commit and the after-commit work.
 *
 * @param restoredFrom for a restore, the version it goes back to
 */
public record PreparedWrite(
    WriteBasis basis, PlannedVersion plan, Optional<PendingEffects> owed, Optional<VersionRecord> restoredFrom) {
  public BackendPorts backend() {
    return basis.backend();
  }

  public WriteRequest request() {
    return basis.request();
  }

  public ItemKey key() {
    return basis.key();
  }

  /** The head of the item this write builds on. */
  public Optional<HeadRecord> latest() {
    return basis.latest();
  }

  /** Whether the head was checked against the version log before this attempt (see {@link WriteBasis}). */
  public boolean verified() {
    return basis.verified();
  }

  /** What a replay of this request id must match: present when the request carries an id. */
  public Optional<String> fingerprint() {
    return request().options().requestId().map(id -> request().fingerprint());
  }
}
