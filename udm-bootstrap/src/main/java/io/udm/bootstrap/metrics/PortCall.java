package io.udm.bootstrap.metrics;

import java.util.function.Supplier;

/**
 * A storage port call: the backend it went to ({@code counters} for the counters store), the port and
 * the call. The one running on a thread is kept for that thread: the MongoDB driver and the S3 SDK,
 * both synchronous, report each request on the thread that sends it, so the meters that count
 * requests learn here which port call sent one.
 */
record PortCall(String backend, String port, String call) {
  /** Requests sent outside any port call: opening the clients (ping, indexes, buckets) and closing them. */
  static final PortCall NONE = new PortCall("none", "none", "none");

  private static final ThreadLocal<PortCall> RUNNING = new ThreadLocal<>();

  /** The port call running on this thread, or {@link #NONE}. */
  static PortCall current() {
    PortCall running = RUNNING.get();
    return running == null ? NONE : running;
  }

  /** Runs {@code work} as this port call on this thread; a call made within another restores the outer one after. */
  <T> T during(Supplier<T> work) {
    PortCall outer = RUNNING.get();
    RUNNING.set(this);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        // Pooled threads outlive the call: leave nothing behind.
        RUNNING.remove();
      } else {
        RUNNING.set(outer);
      }
    }
  }
}
