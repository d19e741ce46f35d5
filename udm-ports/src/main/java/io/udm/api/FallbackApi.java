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

  /** Removes a pending operation; false when none with that request id is pending. */
  boolean cancelOp(String requestId);

  OptimizerStats getOptimizerStats();
}
