package io.udm.adapter.memory;

import io.udm.api.FallbackFilter;
import io.udm.api.RouteContext;
import io.udm.spi.DeadLetter;
import io.udm.spi.RetryOp;
import io.udm.spi.RetryQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The retry queue and its dead letters. One lock guards both, so an op is always in exactly one of
 * them and two workers never lease the same op. {@link RetryOp} copies its request JSON in and
 * out; the rest of it is immutable.
 *
 * <p>A lease ending at {@code leaseUntil} is expired at that very instant. A revived dead letter
 * keeps its original {@code enqueuedAt} (the age of the write, not of the revival) and its last
 * error; reviving fails while an op with the same request id is queued, and the dead letter stays.
 */
public final class InMemoryRetryQueueAdapter implements RetryQueue {
  /** Oldest due first, so no op starves behind newer ones. */
  private static final Comparator<RetryOp> DUE_ORDER =
      Comparator.comparing(RetryOp::nextAttemptAt)
          .thenComparing(RetryOp::enqueuedAt)
          .thenComparing(RetryOp::requestId);
  private static final Comparator<RetryOp> QUEUE_ORDER =
      Comparator.comparing(RetryOp::enqueuedAt).thenComparing(RetryOp::requestId);
  private static final Comparator<DeadLetter> DEAD_ORDER =
      Comparator.comparing(DeadLetter::failedAt).thenComparing(DeadLetter::deadLetterId);

  private final Object lock = new Object();
  /** Ops by collection and request id: the same request id in two collections names two requests. */
  private final Map<OpKey, RetryOp> queued = new HashMap<>();
  private final Map<String, DeadLetter> dead = new HashMap<>();

  private record OpKey(RouteContext collection, String requestId) {
    static OpKey of(RetryOp op) {
      return new OpKey(op.collection(), op.requestId());
    }
  }

  @Override
  public boolean enqueue(RetryOp op) {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(op.requestId(), "requestId");
    synchronized (lock) {
      return queued.putIfAbsent(OpKey.of(op), op) == null;
    }
  }

  @Override
  public List<RetryOp> lease(Instant now, Duration leaseFor, int max) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(leaseFor, "leaseFor");
    if (max < 1) {
      throw new IllegalArgumentException("lease at least 1 op, asked for " + max);
    }
    Instant leaseUntil = now.plus(leaseFor);
    synchronized (lock) {
      List<RetryOp> leased = queued.values().stream()
          .filter(op -> !op.nextAttemptAt().isAfter(now))
          .filter(op -> op.leaseUntil().map(until -> !until.isAfter(now)).orElse(true))
          .sorted(DUE_ORDER)
          .limit(max)
          .map(op -> withLease(op, Optional.of(leaseUntil)))
          .toList();
      leased.forEach(op -> queued.put(OpKey.of(op), op));
      return leased;
    }
  }

  /** Called with the lock held and the lease checked. */
  private boolean rescheduleHeld(OpKey key, int attempts, Instant nextAttemptAt, String error) {
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    synchronized (lock) {
      RetryOp op = queued.get(key);
      if (op == null) {
        return false;
      }
      queued.put(key, retried(op, attempts, nextAttemptAt, Optional.empty(), Optional.ofNullable(error)));
      return true;
    }
  }

  /** Called with the lock held and the lease checked. */
  private Optional<DeadLetter> deadLetterHeld(OpKey key, String deadLetterId, Instant failedAt, String error) {
    Objects.requireNonNull(deadLetterId, "deadLetterId");
    synchronized (lock) {
      RetryOp op = queued.get(key);
      if (op == null) {
        return Optional.empty();
      }
      if (dead.containsKey(deadLetterId)) {
        // A unique _id on MongoDB would refuse it too; the op stays queued.
        throw new IllegalStateException("dead letter id " + deadLetterId + " is taken");
      }
      RetryOp finalState = retried(op, op.attempts(), op.nextAttemptAt(), Optional.empty(), Optional.ofNullable(error));
      DeadLetter letter = new DeadLetter(deadLetterId, finalState, failedAt, error);
      queued.remove(key);
      dead.put(deadLetterId, letter);
      return Optional.of(letter);
    }
  }

  @Override
  public boolean revive(String deadLetterId, Instant now) {
    Objects.requireNonNull(now, "now");
    synchronized (lock) {
      DeadLetter letter = dead.get(deadLetterId);
      if (letter == null || queued.containsKey(OpKey.of(letter.op()))) {
        return false;
      }
      RetryOp op = letter.op();
      queued.put(OpKey.of(op), retried(op, 0, now, Optional.empty(), op.lastError()));
      dead.remove(deadLetterId);
      return true;
    }
  }

  @Override
  public boolean extendLease(RetryOp op, Instant heldLease, Instant newLeaseUntil) {
    Objects.requireNonNull(newLeaseUntil, "newLeaseUntil");
    OpKey key = OpKey.of(op);
    synchronized (lock) {
      if (!holds(key, heldLease)) {
        return false;
      }
      queued.put(key, withLease(queued.get(key), Optional.of(newLeaseUntil)));
      return true;
    }
  }

  @Override
  public boolean complete(RetryOp op, Instant heldLease) {
    OpKey key = OpKey.of(op);
    synchronized (lock) {
      return holds(key, heldLease) && queued.remove(key) != null;
    }
  }

  @Override
  public boolean reschedule(RetryOp op, Instant heldLease, int attempts, Instant nextAttemptAt, String error) {
    OpKey key = OpKey.of(op);
    synchronized (lock) {
      return holds(key, heldLease) && rescheduleHeld(key, attempts, nextAttemptAt, error);
    }
  }

  @Override
  public Optional<DeadLetter> deadLetter(
      RetryOp op, Instant heldLease, int attempts, String deadLetterId, Instant failedAt, String error) {
    OpKey key = OpKey.of(op);
    synchronized (lock) {
      if (!holds(key, heldLease)) {
        return Optional.empty();
      }
      RetryOp held = queued.get(key);
      queued.put(key, retried(held, attempts, held.nextAttemptAt(), held.leaseUntil(), held.lastError()));
      return deadLetterHeld(key, deadLetterId, failedAt, error);
    }
  }

  @Override
  public Optional<String> aheadOf(RetryOp op) {
    if (op.itemId().isEmpty()) {
      return Optional.empty();
    }
    synchronized (lock) {
      Optional<String> queuedAhead = queued.values().stream()
          .filter(other -> sameItem(other, op) && QUEUE_ORDER.compare(other, op) < 0)
          .min(QUEUE_ORDER)
          .map(RetryOp::requestId);
      if (queuedAhead.isPresent()) {
        return queuedAhead;
      }
      return dead.values().stream()
          .map(DeadLetter::op)
          .filter(other -> sameItem(other, op) && QUEUE_ORDER.compare(other, op) < 0)
          .min(QUEUE_ORDER)
          .map(RetryOp::requestId);
    }
  }

  private boolean holds(OpKey key, Instant heldLease) {
    Objects.requireNonNull(heldLease, "heldLease");
    RetryOp op = queued.get(key);
    return op != null && op.leaseUntil().map(heldLease::equals).orElse(false);
  }

  private static boolean sameItem(RetryOp a, RetryOp b) {
    return !a.requestId().equals(b.requestId()) && a.collection().equals(b.collection()) && a.itemId().equals(b.itemId());
  }

  @Override
  public long cancel(String requestId, Optional<RouteContext> in) {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(in, "in");
    synchronized (lock) {
      List<OpKey> which = queued.keySet().stream()
          .filter(key -> key.requestId().equals(requestId) && in.map(key.collection()::equals).orElse(true))
          .toList();
      which.forEach(queued::remove);
      return which.size();
    }
  }

  @Override
  public List<RetryOp> pending(FallbackFilter filter, int limit) {
    synchronized (lock) {
      return queued.values().stream()
          .filter(op -> filter.matches(op.collection(), op.op()))
          .sorted(QUEUE_ORDER)
          .limit(Math.max(0, limit))
          .toList();
    }
  }

  @Override
  public List<DeadLetter> deadLetters(FallbackFilter filter, int limit) {
    synchronized (lock) {
      return dead.values().stream()
          .filter(letter -> filter.matches(letter.op().collection(), letter.op().op()))
          .sorted(DEAD_ORDER)
          .limit(Math.max(0, limit))
          .toList();
    }
  }

  /** Queued counts every op in the queue, leased or not; leased counts leases still running at {@code now}. */
  @Override
  public QueueCounts counts(Instant now) {
    synchronized (lock) {
      List<RetryOp> ops = new ArrayList<>(queued.values());
      long leased = ops.stream().filter(op -> op.leaseUntil().map(until -> until.isAfter(now)).orElse(false)).count();
      Optional<Instant> oldest = ops.stream().map(RetryOp::enqueuedAt).min(Comparator.naturalOrder());
      return new QueueCounts(ops.size(), leased, dead.size(), oldest);
    }
  }

  private static RetryOp withLease(RetryOp op, Optional<Instant> leaseUntil) {
    return retried(op, op.attempts(), op.nextAttemptAt(), leaseUntil, op.lastError());
  }

  private static RetryOp retried(
      RetryOp op, int attempts, Instant nextAttemptAt, Optional<Instant> leaseUntil, Optional<String> lastError) {
    return new RetryOp(
        op.requestId(), op.collection(), op.op(), op.itemId(), op.request(), attempts, op.enqueuedAt(),
        nextAttemptAt, leaseUntil, lastError);
  }
}
