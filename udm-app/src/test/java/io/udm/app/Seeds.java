package io.udm.app;

import java.util.Random;

/**
 * The seed of a randomized test. {@code -Dudm.seed=N} (or the test's own property, where it has
 * one) replays a run; without it a fresh seed is drawn, so runs keep exploring. Either way the seed
 * is printed with the way to replay it, in the form the other modules' seeded tests print.
 */
public final class Seeds {
  private Seeds() {}

  public static long seed(String testName) {
    return seed(testName, "udm.seed");
  }

  /** As {@link #seed(String)}, with {@code property} (e.g. {@code udm.chaos.seed}) read before {@code udm.seed}. */
  public static long seed(String testName, String property) {
    Long given = Long.getLong(property, Long.getLong("udm.seed"));
    long seed = given != null ? given : new Random().nextLong();
    System.out.println(testName + " seed " + seed + " (rerun with -Dudm.seed=" + seed + ")");
    return seed;
  }
}
