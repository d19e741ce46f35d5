package io.udm.adapter.s3;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Client tuning for one S3-compatible store. {@link #defaults()} suits AWS S3, DigitalOcean Spaces,
 * MinIO and S3Proxy alike.
 *
 * @param connectTimeout how long to wait for a TCP connection
 * @param socketTimeout how long a read may stall before the request fails
 * @param maxConnections connection pool size of the HTTP client
 * @param maxAttempts attempts per request, first one included (the SDK retries transient failures)
 * @param createBucketsIfMissing create missing buckets at start instead of failing
 * @param checksumPolicy when the SDK adds and checks payload checksums
 * @param executionInterceptors hear every request the client sends, each attempt of a retried one
 *     included, on the thread that sends it (metrics count requests with them); none by default
 */
public record S3Settings(
    Duration connectTimeout,
    Duration socketTimeout,
    int maxConnections,
    int maxAttempts,
    boolean createBucketsIfMissing,
    ChecksumPolicy checksumPolicy,
    List<ExecutionInterceptor> executionInterceptors) {

  /** When the SDK computes request checksums and validates response checksums. */
  public enum ChecksumPolicy {
    /**
     * Only where the S3 API demands one (e.g. DeleteObjects). The portable choice: several
     * S3-compatible stores reject or ignore the newer flexible-checksum headers.
     */
    WHEN_REQUIRED,
    /** Wherever the operation supports one (the SDK's own default, for AWS S3). */
    WHEN_SUPPORTED
  }

  public S3Settings {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(socketTimeout, "socketTimeout");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    Objects.requireNonNull(checksumPolicy, "checksumPolicy");
    executionInterceptors = List.copyOf(Objects.requireNonNull(executionInterceptors, "executionInterceptors"));
  }

  public static S3Settings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .connectTimeout(connectTimeout)
        .socketTimeout(socketTimeout)
        .maxConnections(maxConnections)
        .maxAttempts(maxAttempts)
        .createBucketsIfMissing(createBucketsIfMissing)
        .checksumPolicy(checksumPolicy)
        .executionInterceptors(executionInterceptors);
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  /** Starts from the defaults; every setter is optional. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration socketTimeout = Duration.ofSeconds(30);
    private int maxConnections = 50;
    private int maxAttempts = 3;
    private boolean createBucketsIfMissing = false;
    private ChecksumPolicy checksumPolicy = ChecksumPolicy.WHEN_REQUIRED;
    private final List<ExecutionInterceptor> executionInterceptors = new ArrayList<>();

    private Builder() {}

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    public Builder socketTimeout(Duration value) {
      this.socketTimeout = value;
      return this;
    }

    public Builder maxConnections(int value) {
      this.maxConnections = value;
      return this;
    }

    public Builder maxAttempts(int value) {
      this.maxAttempts = value;
      return this;
    }

    public Builder createBucketsIfMissing(boolean value) {
      this.createBucketsIfMissing = value;
      return this;
    }

    public Builder checksumPolicy(ChecksumPolicy value) {
      this.checksumPolicy = value;
      return this;
    }

    /** Replaces the execution interceptors with {@code values}. */
    public Builder executionInterceptors(List<ExecutionInterceptor> values) {
      this.executionInterceptors.clear();
      values.forEach(this::addExecutionInterceptor);
      return this;
    }

    public Builder addExecutionInterceptor(ExecutionInterceptor value) {
      this.executionInterceptors.add(Objects.requireNonNull(value, "executionInterceptor"));
      return this;
    }

    public S3Settings build() {
      return new S3Settings(connectTimeout, socketTimeout, maxConnections, maxAttempts, createBucketsIfMissing,
          checksumPolicy, executionInterceptors);
    }
  }
}
