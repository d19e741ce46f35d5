package io.udm.api;

import java.time.Duration;

/** Retry queue figures; {@code oldestPendingAge} is zero when nothing is pending. */
public record QueueStats(long queueSize, long inflight, long deadLetterSize, Duration oldestPendingAge) {}
