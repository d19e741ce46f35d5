package io.udm.adapter.s3;

import io.udm.api.error.StorageException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** At start: makes sure the three buckets exist, creating them only when the settings allow. */
final class BucketProvisioner {
  private static final String US_EAST_1 = Region.US_EAST_1.id();

  private final S3Client s3;
  private final S3Failures failures;
  private final String region;

  BucketProvisioner(S3Client s3, S3Failures failures, String region) {
    this.s3 = s3;
    this.failures = failures;
    this.region = region;
  }

  void ensureBuckets(S3Buckets buckets, boolean createIfMissing) {
    Map<String, String> missing = new LinkedHashMap<>();
    buckets.configFieldsByBucket().forEach((bucket, field) -> {
      if (!exists(bucket)) {
        missing.put(bucket, field);
      }
    });
    if (missing.isEmpty()) {
      return;
    }
    if (!createIfMissing) {
      String names =
          missing.entrySet().stream()
              .map(e -> "'" + e.getKey() + "' (" + e.getValue() + ")")
              .collect(Collectors.joining(", "));
      throw new StorageException(
          "S3 bucket(s) missing at "
              + failures.endpoint()
              + ": "
              + names
              + ". Create them, correct the names in spacesConns,"
              + " or set S3Settings.createBucketsIfMissing(true) to let UDM create them at start.",
          false);
    }
    missing.keySet().forEach(this::create);
  }

  private boolean exists(String bucket) {
    try {
      s3.headBucket(r -> r.bucket(bucket));
      return true;
    } catch (NoSuchBucketException e) {
      return false;
    } catch (S3Exception e) {
      // HeadBucket has no body, so some stores give a bare 404 instead of NoSuchBucket.
      if (e.statusCode() == 404) {
        return false;
      }
      throw failures.translate("HeadBucket", bucket, null, e);
    } catch (SdkException | UncheckedIOException e) {
      throw failures.translate("HeadBucket", bucket, null, e);
    }
  }

  private void create(String bucket) {
    CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(bucket);
    // AWS wants a location constraint everywhere except us-east-1, where it rejects one.
    if (!US_EAST_1.equals(region)) {
      request.createBucketConfiguration(c -> c.locationConstraint(region));
    }
    try {
      s3.createBucket(request.build());
    } catch (BucketAlreadyOwnedByYouException e) {
      // Another process created it meanwhile: fine.
    } catch (SdkException | UncheckedIOException e) {
      throw failures.translate("CreateBucket", bucket, null, e);
    }
  }
}
