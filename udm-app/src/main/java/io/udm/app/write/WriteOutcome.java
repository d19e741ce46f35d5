package io.udm.app.write;

import io.udm.spi.VersionRecord;
import java.util.Optional;

/**
 * What a write ended with.
 *
 * @param version the committed version (for a replay: the one the request id made first)
 * @param restoredFrom for a restore this call committed, the version it went back to
 * @param replayed whether the request id had been applied before, so nothing was written now
 */
public record WriteOutcome(VersionRecord version, Optional<VersionRecord> restoredFrom, boolean replayed) {}
