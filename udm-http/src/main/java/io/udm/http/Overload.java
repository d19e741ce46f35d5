package io.udm.http;

import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * What the server does with a request its bounded executor cannot take: it runs it on the
 * accepting thread, marked as shed, and the handler answers 503 at once, before any storage call or
 * reading the body. Running the request there instead would stall accepting for as long as it takes.
 */
final class Overload implements RejectedExecutionHandler {
  private static final ThreadLocal<Boolean> SHED = ThreadLocal.withInitial(() -> false);

  /** Whether the request running on this thread is one the executor refused. */
  static boolean shed() {
    return SHED.get();
  }

  @Override
  public void rejectedExecution(Runnable request, ThreadPoolExecutor executor) {
    SHED.set(true);
    try {
      request.run();
    } finally {
      SHED.set(false);
    }
  }
}
