package io.udm.app.fallback;

import io.udm.api.error.NotFoundException;
import io.udm.api.error.StorageException;
import io.udm.app.write.WritePipeline;
import io.udm.domain.write.WriteRequest;
import io.udm.spi.IdGenerator;
import io.udm.spi.RetryOp;
import io.udm.spi.RetryQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Retries queued writes. Each round leases the due ops (a lease is an atomic claim with an expiry,
 * so a crashed worker's ops come back when it runs out), runs them oldest first and settles each
 * one with its lease as the fencing token: a worker that stalled past its lease and lost the op to
 * another can no longer complete, reschedule or dead-letter it. A long attempt keeps its lease by
 * a heartbeat. Any number of workers, in any number of processes, may share one queue: a write is
 * delivered at least once and applied at most once (its request id).
 *
 * <ul>
 *   <li>Success, or an answer from the log (an earlier attempt committed): the op leaves the queue.
 *   <li>A transient failure: attempts + 1; at {@code maxAttempts} the op is dead-lettered with the
 *       error, otherwise it waits a full-jitter backoff.
 *   <li>A final refusal (invalid, conflict, not found, a non-transient store error): retrying cannot
 *       help, so the op is dead-lettered at once with that error.
 *   <li>An op whose item has an earlier op queued or dead-lettered waits, without using an attempt.
 * </ul>
 */
public final class RetryWorker implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RetryWorker.class.getName());
  private static final int LEASE_BATCH = 16;

  private final RetryQueue queue;
  private final WritePipeline pipeline;
  private final IdGenerator ids;
  private final RetryEnqueuer.QueueClock times;
  private final FullJitterBackoff backoff;
  private final int maxAttempts;
  private final Duration leaseFor;
  private final Duration pollInterval;
  private final Object wakeUp = new Object();
  private Thread thread;
  private volatile boolean running;
  private final Object heartbeatLock = new Object();
  private ScheduledExecutorService heartbeats;

  public RetryWorker(RetryQueue queue, WritePipeline pipeline, IdGenerator ids, Clock clock, FullJitterBackoff backoff,
      int maxAttempts, Duration leaseFor, Duration pollInterval) {
    this.queue = queue;
    this.pipeline = pipeline;
    this.ids = ids;
    this.times = new RetryEnqueuer.QueueClock(clock);
    this.backoff = backoff;
    this.maxAttempts = maxAttempts;
    this.leaseFor = leaseFor;
    this.pollInterval = pollInterval;
  }

  /** Starts the background thread; a second call while it runs does nothing. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, "udm-retry-worker");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops the background thread after the attempt it is running; idempotent. */
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  public boolean isRunning() {
    return running;
  }

  @Override
  public synchronized void close() {
    stop();
    synchronized (heartbeatLock) {
      if (heartbeats != null) {
        heartbeats.shutdownNow();
        heartbeats = null;
      }
    }
  }

  /** One round: leases the ops due now and runs them; returns how many it leased. */
  public int runDueOnce() {
    List<RetryOp> leased = queue.lease(times.now(), leaseFor, LEASE_BATCH).stream()
        // Enqueue order, so of two ops of one item leased together the earlier runs first.
        .sorted(Comparator.comparing(RetryOp::enqueuedAt).thenComparing(RetryOp::requestId))
        .toList();
    for (RetryOp op : leased) {
      settle(op);
    }
    return leased.size();
  }

  private void loop() {
    while (running) {
      int ran = 0;
      try {
        ran = runDueOnce();
      } catch (RuntimeException e) {
        // The queue itself is unreachable: wait and try again; nothing was lost.
        LOG.log(System.Logger.Level.WARNING, "the retry worker could not read the queue: {0}", e.getMessage());
      }
      if (ran == 0) {
        synchronized (wakeUp) {
          if (running) {
            try {
              wakeUp.wait(pollInterval.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        }
      }
    }
  }

  private void settle(RetryOp op) {
    AtomicReference<Instant> lease = new AtomicReference<>(op.leaseUntil().orElseThrow());
    try {
      if (op.attempts() >= maxAttempts) {
        // Queued with no attempt left (maxAttempts lowered, or 1): give up without trying.
        deadLetter(op, lease.get(), op.attempts(), op.lastError().orElse("no attempt left"));
        return;
      }
      if (queue.aheadOf(op).isPresent()) {
        queue.reschedule(op, lease.get(), op.attempts(), times.now().plus(pollInterval),
            op.lastError().orElse(null));
        return;
      }
      attempt(op, lease);
    } catch (RuntimeException e) {
      // Settling failed (the queue is unreachable): the lease runs out and the op is tried again.
      LOG.log(System.Logger.Level.WARNING, "could not settle queued request {0}: {1}", op.requestId(), e.getMessage());
    }
  }

  private void attempt(RetryOp op, AtomicReference<Instant> lease) {
    int attempts = op.attempts() + 1;
    WriteRequest request;
    try {
      request = QueuedRequests.fromJson(op.request());
    } catch (RuntimeException unreadable) {
      deadLetter(op, lease.get(), op.attempts(), "not retried: " + unreadable.getMessage());
      return;
    }
    ScheduledFuture<?> heartbeat = heartbeat(op, lease);
    try {
      pipeline.retry(request);
      heartbeat.cancel(false);
      if (!queue.complete(op, lease.get())) {
        LOG.log(System.Logger.Level.INFO, "request {0} committed, but its lease was lost or it was cancelled;"
            + " a retry by its new holder is answered from the log", op.requestId());
      }
    } catch (StorageException e) {
      heartbeat.cancel(false);
      if (!e.isTransient()) {
        deadLetter(op, lease.get(), attempts, "not retried: " + e.getMessage());
      } else if (attempts >= maxAttempts) {
        deadLetter(op, lease.get(), attempts, e.getMessage());
      } else {
        queue.reschedule(op, lease.get(), attempts, times.now().plus(backoff.delayAfter(attempts)),
            e.getMessage());
      }
    } catch (NotFoundException gone) {
      heartbeat.cancel(false);
      if (pipeline.applied(request)) {
        // Its write did commit (an earlier attempt's reply was lost), and the item was hard-deleted since.
        queue.complete(op, lease.get());
      } else {
        deadLetter(op, lease.get(), attempts, "not retried: " + gone.getMessage());
      }
    } catch (RuntimeException finalRefusal) {
      heartbeat.cancel(false);
      deadLetter(op, lease.get(), attempts, "not retried: " + finalRefusal.getMessage());
    }
  }

  private void deadLetter(RetryOp op, Instant lease, int attempts, String error) {
    if (queue.deadLetter(op, lease, attempts, "dl-" + ids.newWriteId(), times.now(), error).isPresent()) {
      LOG.log(System.Logger.Level.WARNING, "request {0} ({1} of item {2}) dead-lettered after {3} attempts: {4}",
          op.requestId(), op.op(), op.itemId().orElse("-"), attempts, error);
    }
  }

  private ScheduledFuture<?> heartbeat(RetryOp op, AtomicReference<Instant> lease) {
    long every = Math.max(1, leaseFor.toMillis() / 3);
    return heartbeats().scheduleAtFixedRate(() -> {
      Instant held = lease.get();
      Instant extended = times.now().plus(leaseFor);
      try {
        if (queue.extendLease(op, held, extended)) {
          lease.set(extended);
        }
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "could not extend the lease of request {0}: {1}", op.requestId(),
            e.getMessage());
      }
    }, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Not on this worker's monitor: {@link #stop} holds that while it waits for the worker thread,
   * which may be starting an attempt's heartbeat right then.
   */
  private ScheduledExecutorService heartbeats() {
    synchronized (heartbeatLock) {
      if (heartbeats == null) {
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "udm-retry-heartbeat");
          t.setDaemon(true);
          return t;
        });
      }
      return heartbeats;
    }
  }
}
