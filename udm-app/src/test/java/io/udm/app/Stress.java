package io.udm.app;

/**
 * Long runs of the randomized suites. The {@code stress} Maven profile ({@code mvn -B verify
 * -Pstress}) sets {@code udm.stress}; each suite then runs its long count on seeds spread over the
 * whole range, and prints one summary line: {@code [summary] SUITE: runs=N, seeds=..., failures=F}.
 */
public final class Stress {
  private Stress() {}

  /** Whether the stress profile is on. */
  public static boolean on() {
    return Boolean.getBoolean("udm.stress");
  }

  /**
   * The seed of run {@code run} of a series from {@code base}, mixed (SplitMix64's finalizer) so
   * that series from nearby bases share no runs, as {@code base + run} would.
   */
  public static long runSeed(long base, int run) {
    long z = base + (run + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The one line a suite prints about a series whose runs each have a seed spread from {@code base}. */
  public static void summary(String suite, long runs, long base, long failures) {
    summary(suite, runs, "spread from base " + base, failures);
  }

  /** The one line a suite prints about a series, {@code seeds} saying where its seeds came from. */
  public static void summary(String suite, long runs, String seeds, long failures) {
    System.out.printf("[summary] %s: runs=%d, seeds=%s, failures=%d%n", suite, runs, seeds, failures);
  }

  /**
   * The fewest acknowledged writes a series of {@code writes} may show when the workload acknowledges
   * a share {@code share} of them (measured over a long run): three standard deviations below the
   * mean, so an honest series fails about once in 700 while a store that refuses a tenth more of
   * its writes than it should fails every long series.
   */
  public static long fewestAcknowledged(long writes, double share) {
    double mean = writes * share;
    double deviation = Math.sqrt(writes * share * (1 - share));
    return (long) Math.floor(mean - 3 * deviation);
  }
}
