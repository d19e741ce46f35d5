package io.udm.api.config;

import org.immutables.value.Value;

/** Guards against oversized or pathologically nested documents. */
@Value.Immutable
public abstract class LimitsConfig {
  @Value.Default
  public long maxDocumentBytes() {
    return 16L * 1024 * 1024;
  }

  @Value.Default
  public int maxNestingDepth() {
    return 64;
  }

  /**
   * The smallest {@code olderThan} that {@code maintenance().collectGarbage} accepts, in seconds.
   * A write whose upload is older than half of it is refused before it commits, so garbage
   * collection can never remove the payload of a write still in flight.
   */
  @Value.Default
  public long gcMinGraceSeconds() {
    return 3600;
  }

  /**
   * The largest decoded value of one base64 property (see {@code collectionMaps.<c>.base64Props}).
   * Such values go to the content bucket and do not count against {@link #maxDocumentBytes()}.
   */
  @Value.Default
  public long maxContentBytes() {
    return 64L * 1024 * 1024;
  }

  /**
   * The longest a presigned content URL stays valid, in seconds; a longer {@code presignTtl} is
   * cut to this. S3 itself never honours more than 7 days.
   */
  @Value.Default
  public long maxPresignTtlSeconds() {
    return DEFAULT_PRESIGN_TTL_SECONDS;
  }

  /** 15 minutes. */
  public static final long DEFAULT_PRESIGN_TTL_SECONDS = 15 * 60;
  /** 7 days: the longest validity of an S3 SigV4 presigned URL. */
  public static final long MAX_PRESIGN_TTL_SECONDS = 7 * 24 * 3600;

  public static ImmutableLimitsConfig.Builder builder() {
    return ImmutableLimitsConfig.builder();
  }
}
