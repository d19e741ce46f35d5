package io.udm.api;

import java.time.Instant;

/** The committed version a Delete produced. */
public record DeleteResult(String id, long ov, long cv, Instant at) {}
