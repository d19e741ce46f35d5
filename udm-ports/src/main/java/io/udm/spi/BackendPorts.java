package io.udm.spi;

import java.util.Objects;

/**
 * The ports of one backend pair (a MongoDB + an object store), as one adapter set builds them.
 * Endpoints are already redacted.
 */
public record BackendPorts(
    int index,
    String backendId,
    HeadStore heads,
    VersionLog versions,
    SequenceStore sequences,
    BlobStore blobs,
    HealthProbe mongoProbe,
    HealthProbe blobProbe,
    String mongoEndpoint,
    String blobEndpoint) {
  public BackendPorts {
    Objects.requireNonNull(backendId, "backendId");
  }
}
