package io.udm.api;

/**
 * What write optimization and the payload cache saved: uploads grouped into batches ({@code
 * batchS3}), counter deltas summed into another version's addition and the additions sent
 * ({@code debounceCountersMs}), dev shadows skipped for bulk writes ({@code allowShadowSkip}), and
 * payload reads the cache answered or had to send to object storage ({@code cache.maxBytes}).
 */
public record OptimizerStats(
    long uploadsBatched, long batchesSent, long counterDeltasMerged, long counterFlushes, long shadowsSkipped,
    long cacheHits, long cacheMisses) {
  /** Without cache figures (as before the payload cache existed). */
  public OptimizerStats(
      long uploadsBatched, long batchesSent, long counterDeltasMerged, long counterFlushes, long shadowsSkipped) {
    this(uploadsBatched, batchesSent, counterDeltasMerged, counterFlushes, shadowsSkipped, 0, 0);
  }
}
