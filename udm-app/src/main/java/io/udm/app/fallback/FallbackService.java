package io.udm.app.fallback;

import io.udm.api.DeadLetterOp;
import io.udm.api.FallbackApi;
import io.udm.api.FallbackFilter;
import io.udm.api.OptimizerStats;
import io.udm.api.PendingOp;
import io.udm.api.QueueStats;
import io.udm.api.RouteContext;
import io.udm.api.error.ValidationException;
import io.udm.app.optimizer.WriteOptimizer;
import io.udm.spi.DeadLetter;
import io.udm.spi.RetryOp;
import io.udm.spi.RetryQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link FallbackApi}: the queue's figures and listings, retry of dead letters, cancel, and the
 * worker's switch. {@link #close()} stops the worker (after its current attempt); the durable
 * queue stays as it is for the next process.
 */
public final class FallbackService implements FallbackApi, AutoCloseable {
  static final int MAX_LISTED = 1000;

  private final RetryQueue queue;
  private final RetryWorker worker;
  private final Clock clock;
  private final WriteOptimizer optimizer;

  public FallbackService(RetryQueue queue, RetryWorker worker, Clock clock, WriteOptimizer optimizer) {
    this.queue = queue;
    this.worker = worker;
    this.clock = clock;
    this.optimizer = optimizer;
  }

  @Override
  public void startWorker() {
    worker.start();
  }

  @Override
  public void stopWorker() {
    worker.stop();
  }

  @Override
  public QueueStats getQueueStats() {
    Instant now = clock.instant();
    RetryQueue.QueueCounts counts = queue.counts(now);
    Duration oldest = counts.oldestEnqueuedAt()
        .map(at -> at.isBefore(now) ? Duration.between(at, now) : Duration.ZERO)
        .orElse(Duration.ZERO);
    return new QueueStats(counts.queued(), counts.leased(), counts.dead(), oldest);
  }

  @Override
  public List<PendingOp> getPendingOps(FallbackFilter filter, int limit) {
    return queue.pending(filter, checked(limit)).stream().map(FallbackService::pending).toList();
  }

  @Override
  public List<DeadLetterOp> getDeadLetterOps(FallbackFilter filter, int limit) {
    return queue.deadLetters(filter, checked(limit)).stream().map(FallbackService::dead).toList();
  }

  /** Back in the queue, due now, attempts reset; false when no such dead letter exists (or its request is queued). */
  @Override
  public boolean retryDeadLetter(String deadLetterId) {
    return queue.revive(deadLetterId, clock.instant());
  }

  /**
   * Removes the op, even while a worker runs it: that attempt may still commit (it was under way),
   * but no further attempt is made.
   */
  @Override
  public boolean cancelOp(String requestId) {
    return queue.cancel(requestId, Optional.empty()) > 0;
  }

  @Override
  public boolean cancelOp(RouteContext ctx, String requestId) {
    return queue.cancel(requestId, Optional.of(ctx)) > 0;
  }

  /** Batched uploads, debounced counters, skipped shadows and payload cache hits since this UDM opened. */
  @Override
  public OptimizerStats getOptimizerStats() {
    return optimizer.stats();
  }

  @Override
  public void close() {
    worker.close();
  }

  private static int checked(int limit) {
    if (limit < 1 || limit > MAX_LISTED) {
      throw new ValidationException("limit must be between 1 and " + MAX_LISTED + ", got " + limit);
    }
    return limit;
  }

  private static PendingOp pending(RetryOp op) {
    return new PendingOp(op.requestId(), op.collection(), op.op(), op.itemId(), op.attempts(), op.enqueuedAt(),
        op.nextAttemptAt(), op.lastError());
  }

  private static DeadLetterOp dead(DeadLetter letter) {
    RetryOp op = letter.op();
    return new DeadLetterOp(letter.deadLetterId(), op.requestId(), op.collection(), op.op(), op.itemId(),
        op.attempts(), letter.failedAt(), letter.lastError() == null ? "" : letter.lastError());
  }
}
