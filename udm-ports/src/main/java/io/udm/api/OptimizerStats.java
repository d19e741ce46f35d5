package io.udm.api;

/** What write optimization saved: uploads grouped into batches, counter deltas merged before flushing. */
public record OptimizerStats(
    long uploadsBatched, long batchesSent, long counterDeltasMerged, long counterFlushes, long shadowsSkipped) {}
