package io.udm.api.config;

import org.immutables.value.Value;

/** One S3-compatible object store: endpoint, credentials, and the three buckets UDM uses. */
@Value.Immutable
public abstract class SpacesConn {
  public abstract String endpoint();

  public abstract String region();

  @Value.Redacted
  public abstract String accessKey();

  @Value.Redacted
  public abstract String secretKey();

  public abstract String backupsBucket();

  public abstract String jsonBucket();

  public abstract String contentBucket();

  /** Path-style addressing; the portable choice for S3-compatible stores. */
  @Value.Default
  public boolean forcePathStyle() {
    return true;
  }

  public static ImmutableSpacesConn.Builder builder() {
    return ImmutableSpacesConn.builder();
  }

  /** Keys masked; the endpoint redacted too, in case credentials were put into it. */
  @Override
  public String toString() {
    return "SpacesConn{endpoint=" + Redaction.url(endpoint())
        + ", region=" + region()
        + ", accessKey=***, secretKey=***"
        + ", backupsBucket=" + backupsBucket()
        + ", jsonBucket=" + jsonBucket()
        + ", contentBucket=" + contentBucket()
        + ", forcePathStyle=" + forcePathStyle()
        + "}";
  }
}
