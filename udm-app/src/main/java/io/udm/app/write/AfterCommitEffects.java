package io.udm.app.write;

import io.udm.domain.write.PlannedVersion;
import io.udm.spi.PendingEffects;
import java.util.Optional;

/**
 * The work a commit owes after it (counters, dev shadow). It is decided before the commit and
 * appended with the version record (the outbox), so it is owed as soon as the version exists and
 * survives a crash; after the commit it is applied exactly once, by the committing process or, if
 * that one dies or fails, by a sweeper. It never undoes or fails the write.
 */
public interface AfterCommitEffects {
  /** What committing {@code plan} on top of {@code basis} will owe; empty when nothing. */
  Optional<PendingEffects> owedBy(WriteBasis basis, PlannedVersion plan);

  /** The version is committed with the work its write owed appended to it: apply it (now or soon). Never throws. */
  void committed(CommittedWrite committed);

  AfterCommitEffects NONE = new AfterCommitEffects() {
    @Override
    public Optional<PendingEffects> owedBy(WriteBasis basis, PlannedVersion plan) {
      return Optional.empty();
    }

    @Override
    public void committed(CommittedWrite committed) {}
  };
}
