package io.udm.app.effects;

import io.udm.app.routing.BackendRouter;
import io.udm.spi.AppliedEffect;
import io.udm.spi.BackendPorts;
import io.udm.spi.CounterStore;
import io.udm.spi.PendingVersion;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Finishes after-commit work that its process left owed (it died, or the counters store refused
 * the work until its claim ran out): claims it on every backend, applies it through the {@link
 * EffectsApplier} (a version the counters remember is not added again), and lets the counters store
 * forget versions that owe nothing any more. Runs every {@code interval}, the first time one
 * interval after its {@code Udm} opened, whether or not the retry worker runs.
 */
public final class EffectsSweeper implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(EffectsSweeper.class.getName());
  private static final int PAGE = 200;

  private final BackendRouter router;
  private final CounterStore counters;
  private final EffectsApplier applier;
  private final Clock clock;
  private final Duration interval;
  private ScheduledExecutorService timer;

  public EffectsSweeper(BackendRouter router, CounterStore counters, EffectsApplier applier, Clock clock,
      Duration interval) {
    this.router = router;
    this.counters = counters;
    this.applier = applier;
    this.clock = clock;
    this.interval = interval;
  }

  /** What one sweep did. */
  public record Sweep(long versionsClaimed, long versionsForgotten) {}

  public synchronized void start() {
    if (timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "udm-after-commit-sweeper");
      thread.setDaemon(true);
      return thread;
    });
    // The first sweep after one interval: a short-lived process (a CLI command) never pays for one.
    timer.scheduleWithFixedDelay(this::sweepQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Claims and applies every due owed work, then lets the counters forget finished versions. */
  public Sweep sweepOnce() {
    long claimed = 0;
    for (BackendPorts backend : router.backends()) {
      while (true) {
        Instant now = clock.instant();
        List<PendingVersion> page = backend.outbox().claimPendingEffects(now, ClaimTerms.claimUntil(now), PAGE);
        if (page.isEmpty()) {
          break;
        }
        claimed += page.size();
        applier.applyClaimed(page.stream()
            .map(p -> new OwedWork(backend, p.version(), p.effects(), Optional.empty())).toList());
        if (page.size() < PAGE) {
          break;
        }
      }
    }
    return new Sweep(claimed, forgetFinished());
  }

  /**
   * A remembered version whose record owes nothing (or is gone) was finished by a process that
   * died before the counters could forget it. Only entries older than a claim are looked at: a
   * younger one may belong to work that is still being finished. Every pair is asked, not only the
   * collection's: a moved collection's records that still owe work stay on its former pair.
   */
  private long forgetFinished() {
    long forgotten = 0;
    Instant olderThan = clock.instant().minus(ClaimTerms.CLAIM);
    for (AppliedEffect effect : counters.remembered(olderThan, 1_000)) {
      boolean owedSomewhere = router.backends().stream().anyMatch(backend ->
          backend.outbox().pendingEffects(effect.key(), effect.ov(), effect.writeId()).isPresent());
      if (!owedSomewhere) {
        counters.forget(effect.collection(), List.of(effect.writeId()));
        forgotten++;
      }
    }
    return forgotten;
  }

  private void sweepQuietly() {
    try {
      Sweep sweep = sweepOnce();
      if (sweep.versionsClaimed() > 0) {
        LOG.log(Level.INFO, "applied the after-commit work of {0} versions left owed", sweep.versionsClaimed());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "sweeping owed after-commit work failed ({0}); the next sweep tries again",
          e.getClass().getSimpleName());
    }
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }
}
