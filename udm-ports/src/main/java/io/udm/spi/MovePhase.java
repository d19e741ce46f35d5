package io.udm.spi;

/** The steps of a collection's move that outlive a crash (see {@link PlacementMove}). */
public enum MovePhase {
  /** Copying and catching up; the source takes commits as usual. */
  COPYING,
  /** The source's collection version counter is fenced: no commit there can start any more. */
  FENCED,
  /** Switched to the target; the source's copy waits for its grace period to pass. */
  CLEANUP
}
