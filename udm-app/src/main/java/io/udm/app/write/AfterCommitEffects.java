package io.udm.app.write;

import io.udm.domain.write.PlannedVersion;
import io.udm.domain.write.WriteRequest;
import io.udm.spi.BackendPorts;
import io.udm.spi.PendingEffects;
import io.udm.spi.VersionRecord;
import java.util.Optional;

/**
 * The work a commit owes after it (counters, dev shadow). It is decided before the commit and
 * appended with the version record (the outbox), so it is owed as soon as the version exists and
 * survives a crash; after the commit it is applied exactly once, by the committing process or, if
 * that one dies or fails, by a sweeper. It never undoes or fails the write.
 */
public interface AfterCommitEffects {
  /** What committing {@code plan} on top of {@code before} will owe; empty when nothing. */
  Optional<PendingEffects> plan(BackendPorts backend, WriteRequest request, Optional<VersionRecord> before,
      PlannedVersion plan);

  /** The version is committed with {@code owed} appended to it: apply it (now or soon). Never throws. */
  void committed(CommittedWrite write, PendingEffects owed);

  AfterCommitEffects NONE = new AfterCommitEffects() {
    @Override
    public Optional<PendingEffects> plan(BackendPorts backend, WriteRequest request, Optional<VersionRecord> before,
        PlannedVersion plan) {
      return Optional.empty();
    }

    @Override
    public void committed(CommittedWrite write, PendingEffects owed) {}
  };
}
