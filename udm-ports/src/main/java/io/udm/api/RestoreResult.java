package io.udm.api;

import java.time.Instant;

/** The version a restore appended, and the version whose content it copied. */
public record RestoreResult(String id, long ov, long cv, Instant at, long restoredFromOv) {}
