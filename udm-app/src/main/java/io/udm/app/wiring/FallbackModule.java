package io.udm.app.wiring;

import dagger.Module;
import dagger.Provides;
import io.udm.api.FallbackApi;
import io.udm.api.config.FallbackConfig;
import io.udm.api.config.UdmConfig;
import io.udm.app.StoragePorts;
import io.udm.app.fallback.FallbackService;
import io.udm.app.fallback.FullJitterBackoff;
import io.udm.app.fallback.RetryEnqueuer;
import io.udm.app.fallback.RetryWorker;
import io.udm.app.optimizer.WriteOptimizer;
import io.udm.app.write.WriteFallback;
import io.udm.app.write.WritePipeline;
import io.udm.spi.IdGenerator;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The fallback queue: what the write pipeline does with a transient failure (queue it when
 * {@code fallback.enabled}), the retry worker (started when {@code fallback.workerEnabled}), and
 * {@link FallbackApi}.
 */
@Module
public final class FallbackModule {
  /** How long a worker owns an op it leased; a heartbeat renews it every third of that. */
  static final Duration LEASE = Duration.ofSeconds(30);

  private FallbackModule() {}

  @Provides
  @Singleton
  static FullJitterBackoff backoff(UdmConfig config) {
    FallbackConfig f = config.fallback();
    return new FullJitterBackoff(f.baseDelayMs(), f.maxDelayMs(), new SplittableRandom());
  }

  @Provides
  @Singleton
  static WriteFallback writeFallback(UdmConfig config, StoragePorts ports, IdGenerator ids, Clock clock,
      FullJitterBackoff backoff) {
    if (!config.fallback().enabled()) {
      return WriteFallback.NONE;
    }
    return new RetryEnqueuer(ports.retryQueue(), ids, clock, backoff);
  }

  @Provides
  @Singleton
  static Optional<FallbackService> service(UdmConfig config, StoragePorts ports, WritePipeline pipeline,
      IdGenerator ids, Clock clock, FullJitterBackoff backoff, WriteOptimizer optimizer) {
    FallbackConfig f = config.fallback();
    if (!f.enabled()) {
      return Optional.empty();
    }
    RetryWorker worker = new RetryWorker(ports.retryQueue(), pipeline, ids, clock, backoff, f.maxAttempts(), LEASE,
        pollInterval(f));
    FallbackService service = new FallbackService(ports.retryQueue(), worker, clock, optimizer);
    if (f.workerEnabled()) {
      service.startWorker();
    }
    return Optional.of(service);
  }

  @Provides
  @Singleton
  static Optional<FallbackApi> fallback(Optional<FallbackService> service) {
    return service.map(s -> s);
  }

  /** Often enough to honour baseDelayMs, never a busy loop, never slower than once a second. */
  static Duration pollInterval(FallbackConfig f) {
    return Duration.ofMillis(Math.max(10, Math.min(1000, f.baseDelayMs() / 2)));
  }
}
