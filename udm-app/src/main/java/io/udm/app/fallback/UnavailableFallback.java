package io.udm.app.fallback;

import io.udm.api.DeadLetterOp;
import io.udm.api.FallbackApi;
import io.udm.api.FallbackFilter;
import io.udm.api.OptimizerStats;
import io.udm.api.PendingOp;
import io.udm.api.QueueStats;
import java.util.List;

/** The retry queue lands with the fallback feature; until then each call says so. */
public final class UnavailableFallback implements FallbackApi {
  @Override
  public void startWorker() {
    throw NotYetAvailable.feature("fallback().startWorker");
  }

  @Override
  public void stopWorker() {
    throw NotYetAvailable.feature("fallback().stopWorker");
  }

  @Override
  public QueueStats getQueueStats() {
    throw NotYetAvailable.feature("fallback().getQueueStats");
  }

  @Override
  public List<PendingOp> getPendingOps(FallbackFilter filter, int limit) {
    throw NotYetAvailable.feature("fallback().getPendingOps");
  }

  @Override
  public List<DeadLetterOp> getDeadLetterOps(FallbackFilter filter, int limit) {
    throw NotYetAvailable.feature("fallback().getDeadLetterOps");
  }

  @Override
  public boolean retryDeadLetter(String deadLetterId) {
    throw NotYetAvailable.feature("fallback().retryDeadLetter");
  }

  @Override
  public boolean cancelOp(String requestId) {
    throw NotYetAvailable.feature("fallback().cancelOp");
  }

  @Override
  public OptimizerStats getOptimizerStats() {
    throw NotYetAvailable.feature("fallback().getOptimizerStats");
  }
}
