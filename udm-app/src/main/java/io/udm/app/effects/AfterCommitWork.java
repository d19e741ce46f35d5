package io.udm.app.effects;

import io.udm.app.counters.CounterRecorder;
import io.udm.app.shadows.DevShadowWriter;
import io.udm.app.write.AfterCommitEffects;
import io.udm.app.write.CommittedWrite;
import io.udm.domain.write.PlannedVersion;
import io.udm.domain.write.WriteRequest;
import io.udm.spi.BackendPorts;
import io.udm.spi.PendingEffects;
import io.udm.spi.VersionRecord;
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
  public Optional<PendingEffects> plan(BackendPorts backend, WriteRequest request, Optional<VersionRecord> before,
      PlannedVersion plan) {
    return Optional.of(new PendingEffects(counterDeltas.deltaOf(backend, request.key(), before, plan),
        shadows.wanted(request, plan.storedDocument()), ClaimTerms.claimUntil(clock.instant())));
  }

  @Override
  public void committed(CommittedWrite write, PendingEffects owed) {
    applier.accept(new OwedWork(write.backend(), write.after(), owed, Optional.of(write.plan().storedDocument())));
  }
}
