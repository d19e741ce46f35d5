package io.udm.spi;

/** Outcome of appending a version record. */
public sealed interface AppendResult {
  record Appended() implements AppendResult {}

  /** Another writer committed this ov first. */
  record OvTaken() implements AppendResult {}

  /** A version with the same request id exists in the collection already. */
  record RequestReplayed(VersionRecord existing) implements AppendResult {}

  /**
   * The version's cv was burned ({@link VersionLog#burn}): a feed reader or a mover gave up on it,
   * so nothing commits with it. Nothing was written; the writer may draw a fresh cv and append
   * again.
   */
  record CvBurned() implements AppendResult {}

  AppendResult APPENDED = new Appended();
  AppendResult OV_TAKEN = new OvTaken();
  AppendResult CV_BURNED = new CvBurned();
}
