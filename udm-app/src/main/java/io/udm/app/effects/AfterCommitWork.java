package io.udm.app.effects;

import io.udm.app.counters.CounterRecorder;
import io.udm.app.shadows.DevShadowWriter;
import io.udm.app.write.AfterCommitEffects;
import io.udm.app.write.CommittedWrite;
import io.udm.app.write.PreparedWrite;
import io.udm.app.write.WriteBasis;
import io.udm.domain.write.PlannedVersion;
import io.udm.spi.PendingEffects;
import java.time.Clock;
import java.util.Optional;

/**
 * Decides a write's after-commit work before it commits (its counter delta, whether it gets a dev
 * shadow), and hands the committed version's work to the {@link EffectsApplier}.
 */
public final class AfterCommitWork implements AfterCommitEffects {
  private final CounterRecorder counterDeltas;
  private final DevShadowWriter shadows;
  private final EffectsApplier applier;
  private final Clock clock;

  public AfterCommitWork(CounterRecorder counterDeltas, DevShadowWriter shadows, EffectsApplier applier, Clock clock) {
    this.counterDeltas = counterDeltas;
    this.shadows = shadows;
    this.applier = applier;
    this.clock = clock;
  }

  @Override
  public Optional<PendingEffects> owedBy(WriteBasis basis, PlannedVersion plan) {
    return Optional.of(new PendingEffects(counterDeltas.deltaOf(basis.backend(), basis.key(), basis.latest(), plan),
        shadows.wanted(basis.request(), plan), ClaimTerms.claimUntil(clock.instant())));
  }

  @Override
  public void committed(CommittedWrite committed) {
    PreparedWrite write = committed.write();
    // The document goes along only for a shadow: held work (debounced) should not keep every document alive.
    write.owed().ifPresent(owed -> applier.accept(new OwedWork(write.backend(), committed.after(), owed,
        owed.devShadow() ? Optional.of(write.plan().storedDocument()) : Optional.empty())));
  }
}
