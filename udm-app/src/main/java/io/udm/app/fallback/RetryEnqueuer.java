package io.udm.app.fallback;

import io.udm.api.error.QueuedForRetryException;
import io.udm.api.error.StorageException;
import io.udm.app.write.WriteFallback;
import io.udm.domain.write.WriteRequest;
import io.udm.spi.IdGenerator;
import io.udm.spi.RetryOp;
import io.udm.spi.RetryQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Puts a write that failed transiently into the durable retry queue. The caller hears "queued"
 * only once the queue acknowledged the insert; when the insert fails (or the request id is queued
 * already), the caller gets the original error, so "queued" is never claimed for a write that is
 * not durably queued.
 *
 * <p>Every queued write carries a request id (generated when the caller gave none) before its first
 * attempt: if that attempt committed after all (a lost reply), the retry is answered from the log.
 */
public final class RetryEnqueuer implements WriteFallback {
  private final RetryQueue queue;
  private final IdGenerator ids;
  private final QueueClock times;
  private final FullJitterBackoff backoff;

  public RetryEnqueuer(RetryQueue queue, IdGenerator ids, Clock clock, FullJitterBackoff backoff) {
    this.queue = queue;
    this.ids = ids;
    this.times = new QueueClock(clock);
    this.backoff = backoff;
  }

  @Override
  public boolean queues(WriteRequest request) {
    return QueuedRequests.queueable(request);
  }

  @Override
  public WriteRequest identified(WriteRequest request) {
    if (request.options().requestId().isPresent()) {
      return request;
    }
    return QueuedRequests.withRequestId(request, "q-" + ids.newWriteId());
  }

  @Override
  public RuntimeException queueOrFail(WriteRequest request, StorageException transientFailure) {
    String requestId = request.options().requestId().orElseThrow();
    // The queue keeps ops in enqueue order per item; a strictly increasing time keeps two writes
    // of one item queued within a millisecond in the order they were made.
    Instant now = times.nextEnqueueTime();
    RetryOp op = new RetryOp(requestId, request.key().collection(), request.op(), Optional.of(request.key().objectId()),
        QueuedRequests.toJson(request), 1, now, now.plus(backoff.delayAfter(1)), Optional.empty(),
        Optional.ofNullable(transientFailure.getMessage()));
    boolean queued;
    try {
      queued = queue.enqueue(op);
    } catch (RuntimeException enqueueFailed) {
      transientFailure.addSuppressed(enqueueFailed);
      return transientFailure;
    }
    if (!queued) {
      transientFailure.addSuppressed(new StorageException("requestId '" + requestId + "' is already in the retry"
          + " queue, so this call was not queued again; see fallback().getPendingOps or udm queue --pending", false));
      return transientFailure;
    }
    return new QueuedForRetryException(requestId, request.op() + " of item '" + request.key().objectId()
        + "' failed transiently (" + transientFailure.getMessage() + ") and is queued for retry as requestId '"
        + requestId + "'; the fallback worker applies it once. Follow it with fallback().getPendingOps or"
        + " udm queue --pending; a call with the same requestId returns its result once it committed",
        transientFailure);
  }

  /** Millisecond times (what every store keeps) that never repeat within this process. */
  static final class QueueClock {
    private final Clock clock;
    private Instant last = Instant.MIN;

    QueueClock(Clock clock) {
      this.clock = clock;
    }

    Instant now() {
      return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    synchronized Instant nextEnqueueTime() {
      Instant now = now();
      last = now.isAfter(last) ? now : last.plusMillis(1);
      return last;
    }
  }
}
