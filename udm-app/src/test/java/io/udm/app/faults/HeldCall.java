package io.udm.app.faults;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One storage call held back, as a request that sits in a socket, a driver retry or a paused JVM
 * would be: the caller's thread stops inside the call, before its effect reaches the store, until
 * the test lets it through; then the call goes on as sent. {@link #holdNth} arms it on a {@link
 * FaultInjector}; {@link #awaitHeld} waits until a caller is stopped there.
 */
public final class HeldCall {
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private final String op;

  private HeldCall(String op) {
    this.op = op;
  }

  /** Holds the {@code nth} call of {@code op} (for example {@code versions.append}) made through {@code faults}. */
  public static HeldCall holdNth(FaultInjector faults, String op, int nth) {
    HeldCall call = new HeldCall(op);
    faults.before(op, nth, call::stopHere);
    return call;
  }

  private void stopHere() {
    held.countDown();
    try {
      if (!released.await(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the test never let the held " + op + " through");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + op + " was held", e);
    }
  }

  /** Waits until a caller is stopped in the call. */
  public void awaitHeld() throws InterruptedException {
    if (!held.await(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("no " + op + " was made to hold");
    }
  }

  /** Lets the held call through: it reaches the store now, however late that is. */
  public void release() {
    released.countDown();
  }
}
