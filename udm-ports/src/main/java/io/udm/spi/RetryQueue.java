package io.udm.spi;

import io.udm.api.FallbackFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The durable queue of writes to retry, with leases that survive a worker crash, and its dead letters. */
public interface RetryQueue {
  /** Adds the op; false when an op with that request id is queued already. */
  boolean enqueue(RetryOp op);

  /** Leases up to {@code max} ops due at {@code now} whose lease is free or expired (a lease ends at {@code leaseUntil}). */
  List<RetryOp> lease(Instant now, Duration leaseFor, int max);

  /** The op succeeded (or is moot): remove it. */
  boolean complete(String requestId);

  /** The attempt failed: release the lease and schedule the next attempt. */
  boolean reschedule(String requestId, int attempts, Instant nextAttemptAt, String error);

  /** Moves the op to the dead letters. */
  Optional<DeadLetter> deadLetter(String requestId, String deadLetterId, Instant failedAt, String error);

  /** Moves a dead letter back to the queue, due at {@code now} with its attempts reset. */
  boolean revive(String deadLetterId, Instant now);

  /** Removes a queued op, leased or not (cancel wins over a running attempt); false when absent. */
  boolean cancel(String requestId);

  List<RetryOp> pending(FallbackFilter filter, int limit);

  List<DeadLetter> deadLetters(FallbackFilter filter, int limit);

  /** Ops in the queue (leased ones included), ops under lease, dead letters, oldest enqueue time. */
  QueueCounts counts(Instant now);

  record QueueCounts(long queued, long leased, long dead, Optional<Instant> oldestEnqueuedAt) {}
}
