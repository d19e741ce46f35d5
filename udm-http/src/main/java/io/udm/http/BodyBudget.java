package io.udm.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of request bodies the server holds at once. Bodies are received before a worker takes
 * them, so without a cap many slow uploads could fill the heap; with it, a request that would pass
 * the cap is answered 503 and may retry.
 */
final class BodyBudget {
  private final long capacity;
  private final AtomicLong held = new AtomicLong();

  BodyBudget(long capacity) {
    this.capacity = capacity;
  }

  /** Takes {@code bytes} from the budget, or nothing and false when they do not fit. */
  boolean tryReserve(long bytes) {
    while (true) {
      long now = held.get();
      if (now + bytes > capacity) {
        return false;
      }
      if (held.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  void release(long bytes) {
    held.addAndGet(-bytes);
  }
}
