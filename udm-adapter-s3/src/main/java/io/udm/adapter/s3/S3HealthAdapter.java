package io.udm.adapter.s3;

import io.udm.spi.HealthProbe;
import java.util.Objects;
import software.amazon.awssdk.services.s3.S3Client;

/** Answers when the store serves HeadBucket on each of the three buckets. */
public final class S3HealthAdapter implements HealthProbe {
  private final S3Client s3;
  private final S3Buckets buckets;
  private final S3Failures failures;

  S3HealthAdapter(S3Client s3, S3Buckets buckets, S3Failures failures) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.buckets = Objects.requireNonNull(buckets, "buckets");
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  @Override
  public void ping() {
    for (String bucket : buckets.configFieldsByBucket().keySet()) {
      failures.call("health check (HeadBucket)", bucket, null, () -> s3.headBucket(r -> r.bucket(bucket)));
    }
  }

  @Override
  public String toString() {
    return "S3HealthAdapter[endpoint=" + failures.endpoint() + ", buckets=" + buckets + "]";
  }
}
