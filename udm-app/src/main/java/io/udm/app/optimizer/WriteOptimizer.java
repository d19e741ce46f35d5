package io.udm.app.optimizer;

import io.udm.api.OptimizerStats;
import io.udm.api.config.UdmConfig;
import io.udm.app.effects.EffectsApplier;
import io.udm.app.shadows.DevShadowWriter;
import io.udm.spi.BackendPorts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The write optimizer and payload cache of one UDM: puts them in front of every backend's object
 * store ({@link #wrap}) and reports what they saved ({@link #stats}), together with the debounced
 * after-commit work's figures (summed counter deltas, sent by {@link EffectsApplier}) and the dev
 * shadows skipped for bulk writes.
 */
public final class WriteOptimizer implements AutoCloseable {
  private final PayloadCache cache;
  private final Optional<UploadBatcher> batcher;
  private final EffectsApplier effects;
  private final DevShadowWriter shadows;

  public WriteOptimizer(UdmConfig config, EffectsApplier effects, DevShadowWriter shadows) {
    this.cache = new PayloadCache(config.cache().maxBytes());
    this.batcher = config.writeOptimization().batchS3()
        ? Optional.of(new UploadBatcher(config.writeOptimization().batchWindowMs()))
        : Optional.empty();
    this.effects = effects;
    this.shadows = shadows;
  }

  /** {@code backends} with their object stores behind the cache (and the upload batcher when on). */
  public List<BackendPorts> wrap(List<BackendPorts> backends) {
    return backends.stream().map(b -> b.withBlobs(new OptimizedBlobStore(b.blobs(), b.backendId(), cache, batcher)))
        .toList();
  }

  public OptimizerStats stats() {
    long additions = effects.additions();
    long merged = Math.max(0, effects.versionsApplied() - additions);
    return new OptimizerStats(batcher.map(UploadBatcher::uploadsBatched).orElse(0L),
        batcher.map(UploadBatcher::batchesSent).orElse(0L), merged, additions, shadows.shadowsSkipped(),
        cache.hits(), cache.misses());
  }

  /** Payload reads the cache answered. */
  public long cacheHits() {
    return cache.hits();
  }

  /** Payload reads the cache could not answer (none are counted while the cache is off). */
  public long cacheMisses() {
    return cache.misses();
  }

  /** Committed versions whose counter changes this process holds back (debounced or refused). */
  public int heldCounterWork() {
    return effects.heldCount();
  }

  /** How long the oldest held counter change has waited since its commit; zero when none. */
  public Duration counterFlushLag() {
    return effects.oldestHeldAge();
  }

  /** Sends uploads still waiting and stops the upload threads; the cache needs nothing. */
  @Override
  public void close() {
    batcher.ifPresent(UploadBatcher::close);
  }
}
