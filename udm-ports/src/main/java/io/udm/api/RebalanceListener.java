package io.udm.api;

/**
 * Progress of a rebalance run, called on the thread running it. Every method has an empty default,
 * so a listener implements only what it shows.
 */
public interface RebalanceListener {
  RebalanceListener NONE = new RebalanceListener() {};

  /** The run starts with {@code moves} moves planned. */
  default void started(int moves) {}

  /** A collection's move starts ({@code index} counts from 1). */
  default void moveStarted(CollectionMove move, int index) {}

  /** More of the move's records were copied; the totals so far for this move. */
  default void copied(CollectionMove move, long versionsCopied, long objectsCopied) {}

  /** The move reached a step: copy, catch-up, fence, check, switch. */
  default void step(CollectionMove move, String step) {}

  /** The collection now lives on its new pair. */
  default void moveFinished(CollectionMove move) {}

  /** The move failed; the collection stays where it was and the next run resumes it. */
  default void moveFailed(CollectionMove move, RuntimeException error) {}
}
