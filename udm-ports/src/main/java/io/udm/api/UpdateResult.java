package io.udm.api;

import java.time.Instant;

/** The committed version a Update produced. */
public record UpdateResult(String id, long ov, long cv, Instant at) {}
