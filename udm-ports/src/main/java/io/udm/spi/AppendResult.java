package io.udm.spi;

/** Outcome of appending a version record. */
public sealed interface AppendResult {
  record Appended() implements AppendResult {}

  /** Another writer committed this ov first. */
  record OvTaken() implements AppendResult {}

  /** A version with the same request id exists in the collection already. */
  record RequestReplayed(VersionRecord existing) implements AppendResult {}

  AppendResult APPENDED = new Appended();
  AppendResult OV_TAKEN = new OvTaken();
}
