package io.udm.spi;

/**
 * A monotonic time source in nanoseconds, for durations (latencies, waits), never for points in
 * time: those come from a {@link java.time.Clock}. Injected so tests can drive it.
 */
@FunctionalInterface
public interface Ticker {
  long nanoTime();

  /** The JVM's monotonic clock. */
  static Ticker system() {
    return System::nanoTime;
  }
}
