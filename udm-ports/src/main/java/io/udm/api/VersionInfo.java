package io.udm.api;

import java.time.Instant;
import java.util.Optional;

/** One entry of an item's history. */
public record VersionInfo(
    long ov,
    long cv,
    Instant at,
    Op op,
    Optional<String> actor,
    Optional<String> reason,
    Optional<String> functionId) {}
