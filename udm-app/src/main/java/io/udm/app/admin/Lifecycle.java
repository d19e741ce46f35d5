package io.udm.app.admin;

import io.udm.api.error.UdmException;
import io.udm.spi.Ticker;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Open or shut down, for every entry point of one {@code Udm}: each operation runs inside {@link
 * #run}, so shutting down can refuse new operations and wait for those in flight before the stores
 * close under them. An operation refused this way has touched nothing.
 */
public final class Lifecycle {
  private final Object lock = new Object();
  private final Ticker ticker;
  private int inFlight;
  private boolean shuttingDown;

  public Lifecycle(Ticker ticker) {
    this.ticker = ticker;
  }

  /** Runs {@code operation} unless shutdown has begun; shutdown waits for it to finish. */
  public <T> T run(Supplier<T> operation) {
    synchronized (lock) {
      if (shuttingDown) {
        throw new UdmException("this Udm instance is shut down; create a new one with Udms (objects such as ItemOps"
            + " obtained from the old instance cannot be used any more)");
      }
      inFlight++;
    }
    try {
      return operation.get();
    } finally {
      synchronized (lock) {
        if (--inFlight == 0) {
          lock.notifyAll();
        }
      }
    }
  }

  /**
   * Refuses new operations from now on and waits up to {@code timeout} for those in flight.
   *
   * @return how many operations were still running when the wait ended (0 when all finished)
   * @throws IllegalStateException if shutdown had already begun
   */
  int shutDown(Duration timeout) throws InterruptedException {
    long deadline = ticker.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      if (shuttingDown) {
        throw new IllegalStateException("shutdown has already begun");
      }
      shuttingDown = true;
      while (inFlight > 0) {
        long left = deadline - ticker.nanoTime();
        if (left <= 0) {
          break;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      return inFlight;
    }
  }

  public boolean isShutDown() {
    synchronized (lock) {
      return shuttingDown;
    }
  }
}
