package io.udm.api;

import java.time.Instant;

/** The committed version a Create produced. */
public record CreateResult(String id, long ov, long cv, Instant at) {}
