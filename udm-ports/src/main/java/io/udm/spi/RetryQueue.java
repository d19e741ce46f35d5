package io.udm.spi;

import io.udm.api.FallbackFilter;
import io.udm.api.RouteContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable queue of writes to retry, with leases that survive a worker crash, and its dead
 * letters. An op is known by its collection and request id: the same request id in two collections
 * (or tenants) names two unrelated requests.
 */
public interface RetryQueue {
  /** Adds the op; false when an op with that request id is queued in its collection already. */
  boolean enqueue(RetryOp op);

  /** Leases up to {@code max} ops due at {@code now} whose lease is free or expired (a lease ends at {@code leaseUntil}). */
  List<RetryOp> lease(Instant now, Duration leaseFor, int max);

  /** Moves a dead letter back to the queue, due at {@code now} with its attempts reset. */
  boolean revive(String deadLetterId, Instant now);

  // Every call that ends an attempt is fenced: a lease is identified by its end ({@code heldLease},
  // as {@link #lease} returned it or {@link #extendLease} moved it). A later lease of the same op
  // always ends later, so a worker whose lease expired and was taken over can no longer complete,
  // reschedule or dead-letter the op.

  /** Keeps a running attempt's lease (heartbeat); false when the lease was lost (expired and taken, or the op left). */
  boolean extendLease(RetryOp op, Instant heldLease, Instant newLeaseUntil);

  /** The op succeeded (or is moot): removes it, only while {@code heldLease} is its lease. */
  boolean complete(RetryOp op, Instant heldLease);

  /**
   * The attempt failed: releases the lease and schedules the next attempt, only while {@code
   * heldLease} is the op's lease.
   */
  boolean reschedule(RetryOp op, Instant heldLease, int attempts, Instant nextAttemptAt, String error);

  /**
   * Moves the op to the dead letters, only while {@code heldLease} is its lease, recording {@code
   * attempts} (the attempt that just failed included).
   */
  Optional<DeadLetter> deadLetter(
      RetryOp op, Instant heldLease, int attempts, String deadLetterId, Instant failedAt, String error);

  /**
   * The request id of an op on the same item (same collection and item id) that must run before
   * {@code op}: one queued earlier (by enqueue time, then request id), or a dead letter of that item
   * enqueued earlier (a dead letter parks the ops behind it until it is retried or they are cancelled).
   * Empty when {@code op} has no item id or nothing is ahead of it.
   */
  Optional<String> aheadOf(RetryOp op);

  /**
   * Removes the queued op with this request id in collection {@code in}, or in every collection when
   * {@code in} is empty, leased or not (cancel wins over a running attempt); returns how many.
   */
  long cancel(String requestId, Optional<RouteContext> in);

  List<RetryOp> pending(FallbackFilter filter, int limit);

  List<DeadLetter> deadLetters(FallbackFilter filter, int limit);

  /** Ops in the queue (leased ones included), ops under lease, dead letters, oldest enqueue time. */
  QueueCounts counts(Instant now);

  record QueueCounts(long queued, long leased, long dead, Optional<Instant> oldestEnqueuedAt) {}
}
