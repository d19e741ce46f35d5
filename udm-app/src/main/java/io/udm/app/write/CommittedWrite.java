package io.udm.app.write;

import io.udm.domain.write.PlannedVersion;
import io.udm.domain.write.WriteRequest;
import io.udm.spi.BackendPorts;
import io.udm.spi.VersionRecord;
import java.util.Optional;

/**
 * A write that has just committed, as after-commit work sees it.
 *
 * @param backend the pair it committed on
 * @param before the version the write built on, if any
 * @param after the version just committed
 * @param plan what was committed, including the stored document (data plus {@code _system})
 */
public record CommittedWrite(
    BackendPorts backend, WriteRequest request, Optional<VersionRecord> before, VersionRecord after, PlannedVersion plan) {}
