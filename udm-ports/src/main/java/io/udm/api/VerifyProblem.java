package io.udm.api;

/** One inconsistency {@code verify} found. */
public record VerifyProblem(Kind kind, String itemId, String detail) {
  public enum Kind {
    /** The head points to a version record that does not exist. */
    DANGLING_HEAD,
    /** The head lags the newest version record (repairable by roll-forward). */
    HEAD_BEHIND,
    /** The item's ov chain skips a number. */
    OV_GAP,
    /** A version record's payload is missing from object storage. */
    MISSING_PAYLOAD,
    /**
     * A version's payload is there but not as written: an object or an inline payload whose size
     * differs from the recorded one, or an inline payload that is not a JSON object.
     */
    DAMAGED_PAYLOAD,
    /** A payload no version record references. */
    ORPHAN_PAYLOAD,
    /** A version record with no head for its item. */
    ORPHAN_VERSION,
    /** A version record names content that object storage does not hold, or holds with another size. */
    MISSING_CONTENT
  }
}
