package io.udm.api;

import java.util.List;

/** The durable retry queue of writes that failed transiently. */
public interface FallbackApi {
  void startWorker();

  void stopWorker();

  QueueStats getQueueStats();

  List<PendingOp> getPendingOps(FallbackFilter filter, int limit);

  List<DeadLetterOp> getDeadLetterOps(FallbackFilter filter, int limit);

  /** Moves a dead-lettered operation back to the queue; false when no such dead letter exists. */
  boolean retryDeadLetter(String deadLetterId);

  /**
   * Removes the pending operations with this request id, in whichever collection (a request id
   * names one request per collection; an operator's cancel reaches all of them); false when none is
   * pending.
   */
  boolean cancelOp(String requestId);

  /** Removes the pending operation with this request id in {@code ctx}; false when none is pending there. */
  boolean cancelOp(RouteContext ctx, String requestId);

  OptimizerStats getOptimizerStats();
}
