package io.udm.spi;

/** Outcome of a conditional head write. */
public sealed interface HeadWrite {
  record Applied() implements HeadWrite {}

  /** The head was not at the expected ov; {@code currentOv} is what it is at (0 = no head). */
  record Conflict(long currentOv) implements HeadWrite {}

  HeadWrite APPLIED = new Applied();

  default boolean applied() {
    return this instanceof Applied;
  }
}
