package io.udm.bootstrap.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.udm.api.FallbackApi;
import io.udm.api.QueueStats;
import io.udm.api.Udm;
import io.udm.app.optimizer.WriteOptimizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer metrics of one {@link Udm}: its calls ({@link MeteredUdm}), its storage requests ({@link
 * MeteredPorts} and {@link StorageRequests}, applied where the ports and clients are built), and
 * gauges of its state: payload cache hits and
 * misses, counter changes held back and how long the oldest has waited, and the fallback queue.
 *
 * <p>The gauges read this UDM, so they are removed when it closes. One registry serves one UDM: a
 * second UDM on the same registry adds to its timers, but its gauges would be ignored (Micrometer
 * keeps the first meter of a name and tags), so give each its own registry or common tags.
 */
public final class UdmMetrics {
  private UdmMetrics() {}

  /** {@code udm} with its calls timed and its gauges registered in {@code registry}. */
  public static Udm instrument(Udm udm, WriteOptimizer optimizer, MeterRegistry registry) {
    List<Meter> gauges = new ArrayList<>();
    gauges.add(FunctionCounter.builder("udm.cache.payload.requests", optimizer, WriteOptimizer::cacheHits)
        .description("Payload reads by whether the payload cache answered them")
        .tag("result", "hit").register(registry));
    gauges.add(FunctionCounter.builder("udm.cache.payload.requests", optimizer, WriteOptimizer::cacheMisses)
        .description("Payload reads by whether the payload cache answered them")
        .tag("result", "miss").register(registry));
    gauges.add(Gauge.builder("udm.counters.held", optimizer, WriteOptimizer::heldCounterWork)
        .description("Committed versions whose counter changes this process has not sent yet")
        .register(registry));
    gauges.add(TimeGauge.builder("udm.counters.flush.lag", optimizer, TimeUnit.NANOSECONDS,
            o -> o.counterFlushLag().toNanos())
        .description("How long the oldest counter change held by this process has waited since its commit")
        .register(registry));
    udm.fallback().ifPresent(fallback -> gauges.addAll(queueGauges(fallback, registry)));
    Runnable removeGauges = () -> gauges.forEach(registry::remove);
    return new MeteredUdm(udm, registry, removeGauges);
  }

  /**
   * Only these gauges hold the sampled stats, so they hold them strongly: Micrometer's gauges keep a
   * weak reference by default, and would show NaN after the next garbage collection. Closing the
   * UDM removes them, and the stats with them.
   */
  private static List<Meter> queueGauges(FallbackApi fallback, MeterRegistry registry) {
    SampledQueueStats stats = new SampledQueueStats(fallback, Duration.ofSeconds(1));
    return List.of(
        gauge(registry, "udm.fallback.queue.size", "Operations waiting in the fallback queue", stats,
            QueueStats::queueSize),
        gauge(registry, "udm.fallback.queue.inflight", "Queued operations a worker is running", stats,
            QueueStats::inflight),
        gauge(registry, "udm.fallback.dead.letters", "Operations that ran out of attempts", stats,
            QueueStats::deadLetterSize),
        TimeGauge.builder("udm.fallback.queue.oldest.age", stats, TimeUnit.NANOSECONDS,
                s -> s.read(q -> q.oldestPendingAge().toNanos()))
            .description("How long the oldest waiting operation has waited").strongReference(true).register(registry));
  }

  private static Gauge gauge(MeterRegistry registry, String name, String description, SampledQueueStats stats,
      ToDoubleFunction<QueueStats> figure) {
    return Gauge.builder(name, stats, s -> s.read(figure)).description(description).strongReference(true)
        .register(registry);
  }
}
