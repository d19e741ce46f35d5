package io.udm.api;

/** What {@code reindex} did: heads it read, and heads whose indexed values it filled in or corrected. */
public record ReindexResult(long itemsScanned, long itemsUpdated) {}
