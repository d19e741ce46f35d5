package io.udm.spi;

import java.time.Instant;

/** A stored object's key, size and last modification. */
public record BlobInfo(String key, long size, Instant lastModified) {}
