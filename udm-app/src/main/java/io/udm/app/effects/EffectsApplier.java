package io.udm.app.effects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.RouteContext;
import io.udm.app.shadows.DevShadowWriter;
import io.udm.spi.AppliedEffect;
import io.udm.spi.BackendPorts;
import io.udm.spi.CounterDelta;
import io.udm.spi.CounterStore;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Applies owed work exactly once, per version: its counter delta through {@link
 * CounterStore#addOnce} (which refuses a version it remembers), then its dev shadow, then marks the
 * version's record done; only then may the counters store forget the version. A crash at any point
 * leaves either the work owed and unremembered (a sweeper adds it), or owed and remembered (a
 * sweeper's addition is refused, and it finishes the rest), or done.
 *
 * <p>Versions of one collection sent together go as one addition of their summed deltas. With
 * {@code debounceCountersMs > 0} the work of committed versions is held and sent on a timer, on a
 * counters read and on shutdown; work the store refused is held and retried the same way. Held work
 * is sent only while this process's claim on it lasts: after that it is left to a sweeper.
 */
public final class EffectsApplier implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(EffectsApplier.class.getName());
  /** More than this much held work is sent at once instead of waiting for the timer. */
  private static final int HELD_LIMIT = 1_000;
  private static final long IDLE_TIMER_SECONDS = 5;

  private final CounterStore counters;
  private final DevShadowWriter shadows;
  private final Clock clock;
  private final long debounceMillis;
  private final Object lock = new Object();
  /**
   * Sends and forgets run side by side (read lock, held from taking the work to the end of its
   * send); a hard delete's settling runs alone (write lock), so this process cannot forget a version
   * between the settling's read of its owed work and its addition, which the counters store would
   * then take twice; and {@link #sendHeld} passes through the write lock to wait for every send
   * under way.
   */
  private final ReadWriteLock sending = new ReentrantReadWriteLock();
  private final List<OwedWork> held = new ArrayList<>();
  /** Versions whose work is done, by collection: the counters store may forget them. */
  private final Map<RouteContext, Set<String>> done = new HashMap<>();
  private final AtomicLong additions = new AtomicLong();
  private final AtomicLong versionsApplied = new AtomicLong();
  private ScheduledExecutorService timer;
  /** Whether a timer run is scheduled; guarded by {@code lock}. */
  private boolean flushPlanned;

  public EffectsApplier(CounterStore counters, DevShadowWriter shadows, Clock clock, long debounceCountersMs) {
    this.counters = counters;
    this.shadows = shadows;
    this.clock = clock;
    this.debounceMillis = Math.max(0, debounceCountersMs);
  }

  /**
   * Lets a timer send held work and let the counters store forget done versions. The timer runs
   * only while there is something to send or forget: its thread ends after a few idle seconds, so
   * an idle process (or one that was never closed) keeps no thread for it.
   */
  public synchronized void start() {
    if (timer != null) {
      return;
    }
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "udm-after-commit");
      thread.setDaemon(true);
      return thread;
    });
    executor.setKeepAliveTime(IDLE_TIMER_SECONDS, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
    // At close, a flush not yet begun is dropped (close sends what is held itself).
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    timer = executor;
    flushLater();
  }

  /** Sends held work and forgets done versions after one period, unless that is planned already. */
  private void flushLater() {
    ScheduledExecutorService running;
    synchronized (lock) {
      if (flushPlanned || (held.isEmpty() && done.isEmpty())) {
        return;
      }
      flushPlanned = true;
    }
    synchronized (this) {
      running = timer;
    }
    if (running == null) {
      synchronized (lock) {
        flushPlanned = false;
      }
      return;
    }
    try {
      running.schedule(this::flushFromTimer, period(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      synchronized (lock) {
        flushPlanned = false;
      }
    }
  }

  private void flushFromTimer() {
    synchronized (lock) {
      flushPlanned = false;
    }
    sendHeldQuietly();
    flushLater();
  }

  private long period() {
    return debounceMillis > 0 ? Math.max(10, debounceMillis) : 1_000;
  }

  /** The work of a version this process just committed. */
  void accept(OwedWork work) {
    boolean sendNow;
    synchronized (lock) {
      held.add(work);
      sendNow = debounceMillis <= 0 || held.size() >= HELD_LIMIT;
    }
    if (sendNow) {
      sendTakenHeld();
    }
    flushLater();
  }

  /**
   * Sends held work now, waits for the sends other threads took work for before (a flush of the
   * timer's, say), and lets the counters store forget done versions: afterwards the store has
   * everything this process held, unless the store refused some (then held again, and retried).
   */
  public void sendHeld() {
    sendTakenHeld();
    Lock alone = sending.writeLock();
    alone.lock();
    alone.unlock();
    forgetDone();
  }

  /** Takes the held work and sends it under the shared lock, so that {@link #sendHeld} can wait for it. */
  private void sendTakenHeld() {
    Lock shared = sending.readLock();
    shared.lock();
    try {
      List<OwedWork> batch;
      synchronized (lock) {
        batch = takeHeld();
      }
      if (!batch.isEmpty()) {
        sendNow(batch, true);
      }
    } finally {
      shared.unlock();
    }
  }

  /** Work claimed by a sweeper: sent at once. */
  void applyClaimed(List<OwedWork> claimed) {
    send(claimed, true);
  }

  /**
   * Applies now whatever work the item's versions still owe: a hard delete calls this before it
   * takes the item out of the counters, so the item's own additions are in before its removal.
   * The work may be held under a live claim, here (it is dropped from what this process holds) or
   * in another process, which may still send it: so the counters store keeps remembering these
   * versions until the sweeper forgets them, after any claim on them ran out, and that late
   * addition is refused.
   */
  public void settle(BackendPorts backend, ItemKey key) {
    Lock alone = sending.writeLock();
    alone.lock();
    try {
      synchronized (lock) {
        held.removeIf(work -> work.version().key().equals(key) && work.backend().equals(backend));
      }
      Instant now = clock.instant();
      List<OwedWork> owed = new ArrayList<>();
      for (VersionRecord v : backend.versions().history(key)) {
        backend.outbox().pendingEffects(key, v.ov(), v.writeId()).ifPresent(effects -> owed.add(
            new OwedWork(backend, v, effects.claimedUntil(ClaimTerms.claimUntil(now)), Optional.empty())));
      }
      send(owed, false);
    } finally {
      alone.unlock();
    }
  }

  public long additions() {
    return additions.get();
  }

  public long versionsApplied() {
    return versionsApplied.get();
  }

  public int heldCount() {
    synchronized (lock) {
      return held.size();
    }
  }

  /**
   * How long the oldest held work has waited since its version was committed: how far the
   * counters lag behind the writes this process holds back. Zero when nothing is held.
   */
  public Duration oldestHeldAge() {
    Instant oldest;
    synchronized (lock) {
      oldest = held.stream().map(w -> w.version().at()).min(Instant::compareTo).orElse(null);
    }
    if (oldest == null) {
      return Duration.ZERO;
    }
    Duration age = Duration.between(oldest, clock.instant());
    return age.isNegative() ? Duration.ZERO : age;
  }

  private void sendHeldQuietly() {
    try {
      sendHeld();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "sending after-commit work failed ({0}); it stays owed", e.getClass().getSimpleName());
    }
  }

  private List<OwedWork> takeHeld() {
    List<OwedWork> batch = new ArrayList<>(held);
    held.clear();
    return batch;
  }

  /** @param forgetWhenDone whether the counters store may forget these versions once their records owe nothing */
  private void send(List<OwedWork> works, boolean forgetWhenDone) {
    if (works.isEmpty()) {
      return;
    }
    Lock shared = sending.readLock();
    shared.lock();
    try {
      sendNow(works, forgetWhenDone);
    } finally {
      shared.unlock();
    }
  }

  private void sendNow(List<OwedWork> works, boolean forgetWhenDone) {
    Instant now = clock.instant();
    Map<RouteContext, List<OwedWork>> byCollection = new LinkedHashMap<>();
    for (OwedWork work : works) {
      if (ClaimTerms.stillHeld(work.effects(), now)) {
        byCollection.computeIfAbsent(work.version().key().collection(), c -> new ArrayList<>()).add(work);
      }
      // Otherwise the claim is too old to act on: the work stays owed on its record for a sweeper.
    }
    byCollection.forEach((collection, group) -> {
      try {
        addCounters(collection, group, now);
      } catch (RuntimeException e) {
        hold(group);
        LOG.log(Level.WARNING, "counters of {0} could not be updated ({1}); {2} versions'' changes are held and"
            + " retried, and stay owed on their records if this process stops", collection,
            e.getClass().getSimpleName(), group.size());
        return;
      }
      finish(group, forgetWhenDone);
    });
    flushLater();
  }

  /** Adds the group's deltas as one addition; if one of them was added before, adds them one by one. */
  private void addCounters(RouteContext collection, List<OwedWork> group, Instant now) {
    Set<String> forget = takeDone(collection);
    CounterDelta sum = group.stream().map(w -> w.effects().counters()).reduce(CounterDelta.ZERO, CounterDelta::plus);
    boolean added;
    try {
      added = counters.addOnce(collection, sum, group.stream().map(w -> applied(w, now)).toList(), forget);
    } catch (RuntimeException e) {
      putBackDone(collection, forget);
      throw e;
    }
    additions.incrementAndGet();
    if (added) {
      return;
    }
    putBackDone(collection, forget);
    // A version of the group was added before (a sweeper, or an attempt whose reply was lost).
    for (OwedWork work : group) {
      counters.addOnce(collection, work.effects().counters(), List.of(applied(work, now)), List.of());
      additions.incrementAndGet();
    }
  }

  private static AppliedEffect applied(OwedWork work, Instant now) {
    VersionRecord v = work.version();
    return new AppliedEffect(v.key().collection(), v.key().objectId(), v.ov(), v.writeId(), now);
  }

  /**
   * The counters of {@code group} are added: each version's dev shadow, then their records are
   * marked done, all of a backend's in one call (one round trip for a debounced flush). Work whose
   * shadow or mark failed stays owed; the counters remember it, so whoever finishes it later adds
   * nothing twice.
   */
  private void finish(List<OwedWork> group, boolean forgetWhenDone) {
    Map<BackendPorts, List<VersionRecord>> shadowed = new LinkedHashMap<>();
    for (OwedWork work : group) {
      VersionRecord v = work.version();
      try {
        if (work.effects().devShadow()) {
          document(work).ifPresent(doc -> shadows.put(work.backend(), v, doc));
        }
        shadowed.computeIfAbsent(work.backend(), b -> new ArrayList<>()).add(v);
      } catch (RuntimeException e) {
        notFinished(v.key() + " ov " + v.ov(), e);
      }
    }
    shadowed.forEach((backend, versions) -> {
      try {
        backend.outbox().effectsApplied(versions);
      } catch (RuntimeException e) {
        notFinished(versions.size() + " versions of " + versions.get(0).key().collection(), e);
        return;
      }
      versionsApplied.addAndGet(versions.size());
      if (!forgetWhenDone) {
        return;
      }
      synchronized (lock) {
        versions.forEach(v -> done.computeIfAbsent(v.key().collection(), c -> new HashSet<>()).add(v.writeId()));
      }
    });
  }

  private static void notFinished(String what, RuntimeException e) {
    LOG.log(Level.WARNING, "after-commit work of {0} not finished ({1}); it stays owed and a sweeper finishes it",
        what, e.getClass().getSimpleName());
  }

  /** The stored JSON for the shadow; empty when the payload is gone (the version was removed since). */
  private static Optional<ObjectNode> document(OwedWork work) {
    if (work.storedDocument().isPresent()) {
      return work.storedDocument();
    }
    VersionRecord v = work.version();
    return io.udm.app.payloads.StoredPayloads.bytes(work.backend().blobs(), v)
        .map(bytes -> (ObjectNode) io.udm.api.json.JsonValues.fromBytes(bytes));
  }

  private void hold(List<OwedWork> group) {
    synchronized (lock) {
      held.addAll(group);
    }
  }

  private Set<String> takeDone(RouteContext collection) {
    synchronized (lock) {
      Set<String> ids = done.remove(collection);
      return ids == null ? Set.of() : ids;
    }
  }

  private void putBackDone(RouteContext collection, Set<String> ids) {
    if (!ids.isEmpty()) {
      synchronized (lock) {
        done.computeIfAbsent(collection, c -> new HashSet<>()).addAll(ids);
      }
    }
  }

  /** Lets the counters store forget versions whose work is done (those no addition took along). */
  private void forgetDone() {
    Map<RouteContext, Set<String>> batch;
    synchronized (lock) {
      batch = new HashMap<>(done);
      done.clear();
    }
    Lock shared = sending.readLock();
    shared.lock();
    try {
      batch.forEach((collection, ids) -> {
        try {
          counters.forget(collection, ids);
        } catch (RuntimeException e) {
          putBackDone(collection, ids);
        }
      });
    } finally {
      shared.unlock();
    }
  }

  /** Stops the timer and sends what is held; what the store still refuses stays owed for a sweeper. */
  @Override
  public void close() {
    synchronized (this) {
      if (timer != null) {
        // Not shutdownNow: interrupting a flush under way would break its requests (the MongoDB
        // driver gives up a connection it is interrupted on) and leave its work owed. sendHeld
        // waits for that flush instead.
        timer.shutdown();
        timer = null;
      }
    }
    sendHeld();
    int left = heldCount();
    if (left > 0) {
      LOG.log(Level.WARNING, "after-commit work of {0} versions could not be sent at shutdown; it stays owed on"
          + " their version records and the next process's sweeper applies it", left);
    }
  }
}
