package io.udm.api;

/**
 * What a rebalance run did: collections switched to their new pair, version records and objects
 * (payloads and content) copied, and collections whose move failed (they stay readable and
 * writable where they were, or resume on the next run).
 */
public record RebalanceResult(long collectionsMoved, long versionsCopied, long objectsCopied, long collectionsFailed) {}
