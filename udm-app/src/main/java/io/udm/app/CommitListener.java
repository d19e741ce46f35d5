package io.udm.app;

import io.udm.domain.write.PlannedVersion;
import io.udm.spi.BackendPorts;
import io.udm.spi.VersionRecord;
import java.util.Optional;

/**
 * Work after a version is committed (counters, dev shadows). Runs once per committed write, never
 * for a replay. A listener's failure never undoes or fails the write: the pipeline logs it and
 * moves on, so a listener must make its own effect retryable if it matters.
 */
interface CommitListener {
  /**
   * @param before the version the write built on, if any
   * @param after the version just committed
   * @param plan what was committed, including the stored document (data plus {@code _system})
   */
  void committed(BackendPorts backend, Optional<VersionRecord> before, VersionRecord after, PlannedVersion plan);

  CommitListener NONE = (backend, before, after, plan) -> {};
}
