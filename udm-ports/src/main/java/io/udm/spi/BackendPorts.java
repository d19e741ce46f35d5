package io.udm.spi;

import java.util.Objects;

/**
 * The ports of one backend pair (a MongoDB + an object store), as one adapter set builds them.
 * Endpoints are already redacted. {@code versions}, {@code outbox} and {@code requestMemos} are
 * three views of the same version records (one adapter usually implements all three).
 */
public record BackendPorts(
    int index,
    String backendId,
    HeadStore heads,
    VersionLog versions,
    EffectsOutbox outbox,
    RequestMemos requestMemos,
    SequenceStore sequences,
    BlobStore blobs,
    HealthProbe mongoProbe,
    HealthProbe blobProbe,
    String mongoEndpoint,
    String blobEndpoint) {
  public BackendPorts {
    Objects.requireNonNull(backendId, "backendId");
    Objects.requireNonNull(versions, "versions");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(requestMemos, "requestMemos");
  }

  /** These ports with {@code heads} in place of {@link #heads()}: for decorators. */
  public BackendPorts withHeads(HeadStore heads) {
    return new BackendPorts(index, backendId, heads, versions, outbox, requestMemos, sequences, blobs, mongoProbe,
        blobProbe, mongoEndpoint, blobEndpoint);
  }

  /** These ports with {@code versions} in place of {@link #versions()}: for decorators. */
  public BackendPorts withVersions(VersionLog versions) {
    return new BackendPorts(index, backendId, heads, versions, outbox, requestMemos, sequences, blobs, mongoProbe,
        blobProbe, mongoEndpoint, blobEndpoint);
  }

  /** These ports with {@code outbox} in place of {@link #outbox()}: for decorators. */
  public BackendPorts withOutbox(EffectsOutbox outbox) {
    return new BackendPorts(index, backendId, heads, versions, outbox, requestMemos, sequences, blobs, mongoProbe,
        blobProbe, mongoEndpoint, blobEndpoint);
  }

  /** These ports with {@code blobs} in place of {@link #blobs()}: for decorators. */
  public BackendPorts withBlobs(BlobStore blobs) {
    return new BackendPorts(index, backendId, heads, versions, outbox, requestMemos, sequences, blobs, mongoProbe,
        blobProbe, mongoEndpoint, blobEndpoint);
  }
}
