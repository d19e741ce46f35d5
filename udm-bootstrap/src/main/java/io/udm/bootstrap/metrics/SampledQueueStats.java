package io.udm.bootstrap.metrics;

import io.udm.api.FallbackApi;
import io.udm.api.QueueStats;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * The fallback queue's figures, read at most once per {@code maxAge}: each read is a query of the
 * counters store, and one scrape reads four gauges. A failed read gives NaN (Micrometer's "no value").
 */
final class SampledQueueStats {
  private final FallbackApi fallback;
  private final long maxAgeNanos;
  private QueueStats last;
  private long readAt;

  SampledQueueStats(FallbackApi fallback, Duration maxAge) {
    this.fallback = fallback;
    this.maxAgeNanos = maxAge.toNanos();
  }

  synchronized double read(ToDoubleFunction<QueueStats> figure) {
    long now = System.nanoTime();
    if (last == null || now - readAt > maxAgeNanos) {
      try {
        last = fallback.getQueueStats();
        readAt = now;
      } catch (RuntimeException unavailable) {
        last = null;
        return Double.NaN;
      }
    }
    return figure.applyAsDouble(last);
  }
}
