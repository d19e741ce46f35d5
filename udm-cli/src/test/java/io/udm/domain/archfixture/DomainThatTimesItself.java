package io.udm.domain.archfixture;

/** Violates: durations come from an injected ticker, not from System.nanoTime. */
public class DomainThatTimesItself {
  public long elapsedNanos(long start) {
    return System.nanoTime() - start;
  }
}
