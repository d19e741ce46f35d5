package io.udm.adapter.s3;

import io.udm.spi.BlobArea;
import io.udm.spi.BlobInfo;
import io.udm.spi.BlobStore;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** {@link BlobStore} on one S3-compatible store: one bucket per {@link BlobArea}. */
public final class S3BlobAdapter implements BlobStore {
  /** DeleteObjects accepts at most this many keys per request. */
  static final int MAX_KEYS_PER_DELETE = 1000;
  /** ListObjectsV2 returns at most this many keys per page. */
  static final int MAX_LIST_PAGE = 1000;
  /** SigV4 presigned URLs live at most seven days. */
  static final Duration MAX_PRESIGN_TTL = Duration.ofDays(7);

  private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

  private final S3Client s3;
  private final S3Presigner presigner;
  private final S3Buckets buckets;
  private final S3Failures failures;
  private final int listPageSize;
  private final ExistingKeyCounter existingKeys;

  S3BlobAdapter(S3Client s3, S3Presigner presigner, S3Buckets buckets, S3Failures failures) {
    this(s3, presigner, buckets, failures, MAX_LIST_PAGE);
  }

  /** {@code listPageSize} below 1000 lets tests walk continuation tokens without thousands of keys. */
  S3BlobAdapter(S3Client s3, S3Presigner presigner, S3Buckets buckets, S3Failures failures, int listPageSize) {
    if (listPageSize < 1 || listPageSize > MAX_LIST_PAGE) {
      throw new IllegalArgumentException("listPageSize must be 1.." + MAX_LIST_PAGE + ", was " + listPageSize);
    }
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.presigner = Objects.requireNonNull(presigner, "presigner");
    this.buckets = Objects.requireNonNull(buckets, "buckets");
    this.failures = Objects.requireNonNull(failures, "failures");
    this.listPageSize = listPageSize;
    this.existingKeys = new ExistingKeyCounter(s3, failures, listPageSize);
  }

  @Override
  public void put(BlobArea area, String key, byte[] bytes, String contentType) {
    String bucket = buckets.bucketFor(area);
    requireKey(key);
    Objects.requireNonNull(bytes, "bytes");
    String type = contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType;
    // A plain PUT: keys are unique per attempt or content-addressed, so a repeated PUT of a key
    // writes the same bytes again and stays idempotent.
    failures.call(
        "PutObject",
        bucket,
        key,
        () ->
            s3.putObject(
                r -> r.bucket(bucket).key(key).contentType(type).contentLength((long) bytes.length),
                RequestBody.fromBytes(bytes)));
  }

  @Override
  public Optional<byte[]> get(BlobArea area, String key) {
    String bucket = buckets.bucketFor(area);
    requireKey(key);
    return emptyIfMissing(
        "GetObject", bucket, key, () -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArrayUnsafe());
  }

  @Override
  public Optional<BlobInfo> head(BlobArea area, String key) {
    String bucket = buckets.bucketFor(area);
    requireKey(key);
    return emptyIfMissing("HeadObject", bucket, key, () -> s3.headObject(r -> r.bucket(bucket).key(key)))
        .map(response -> toBlobInfo(key, response));
  }

  @Override
  public void delete(BlobArea area, String key) {
    String bucket = buckets.bucketFor(area);
    requireKey(key);
    // S3 answers 204 for a missing key; some compatible stores answer 404, which is fine too.
    emptyIfMissing("DeleteObject", bucket, key, () -> s3.deleteObject(r -> r.bucket(bucket).key(key)));
  }

  /**
   * Counts the keys that exist first ({@link ExistingKeyCounter}: one listing per folder of keys,
   * HEAD for lone keys), then deletes every requested key, present or not, with DeleteObjects in
   * chunks of at most 1000. Deleting regardless of the count means a key written after the check
   * is still removed; only the count could miss it.
   */
  @Override
  public long deleteAll(BlobArea area, Collection<String> keys) {
    String bucket = buckets.bucketFor(area);
    Objects.requireNonNull(keys, "keys");
    List<String> distinctKeys = new ArrayList<>(new LinkedHashSet<>(keys));
    distinctKeys.forEach(S3BlobAdapter::requireKey);
    long existing = existingKeys.count(bucket, distinctKeys, key -> head(area, key).isPresent());
    for (int from = 0; from < distinctKeys.size(); from += MAX_KEYS_PER_DELETE) {
      List<String> chunk = distinctKeys.subList(from, Math.min(from + MAX_KEYS_PER_DELETE, distinctKeys.size()));
      deleteChunk(bucket, chunk);
    }
    return existing;
  }

  private void deleteChunk(String bucket, List<String> chunk) {
    List<ObjectIdentifier> ids = chunk.stream().map(key -> ObjectIdentifier.builder().key(key).build()).toList();
    String what = chunk.size() + " keys from '" + chunk.get(0) + "'";
    DeleteObjectsResponse response =
        failures.call(
            "DeleteObjects",
            bucket,
            what,
            // Quiet mode: the answer lists only the keys that failed.
            () -> s3.deleteObjects(r -> r.bucket(bucket).delete(Delete.builder().objects(ids).quiet(true).build())));
    List<S3Error> errors =
        response.errors().stream().filter(error -> !"NoSuchKey".equals(error.code())).toList();
    if (!errors.isEmpty()) {
      boolean allTransient =
          errors.stream().allMatch(error -> S3Failures.isTransientCode(error.code()));
      String sample =
          errors.stream()
              .limit(5)
              .map(error -> "'" + error.key() + "' " + error.code())
              .collect(Collectors.joining(", "));
      throw failures.failure(
          "DeleteObjects",
          bucket,
          what,
          errors.size() + " of " + chunk.size() + " keys were not deleted, e.g. " + sample,
          allTransient);
    }
  }

  @Override
  public List<BlobInfo> list(BlobArea area, String prefix, Optional<String> startAfter, int limit) {
    String bucket = buckets.bucketFor(area);
    Objects.requireNonNull(startAfter, "startAfter");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + limit);
    }
    List<BlobInfo> found = new ArrayList<>(Math.min(limit, MAX_LIST_PAGE));
    String continuationToken = null;
    boolean firstPage = true;
    while (found.size() < limit && (firstPage || continuationToken != null)) {
      ListObjectsV2Request.Builder request =
          ListObjectsV2Request.builder().bucket(bucket).maxKeys(Math.min(listPageSize, limit - found.size()));
      if (prefix != null && !prefix.isEmpty()) {
        request.prefix(prefix);
      }
      // startAfter only on the first page: the continuation token carries the position afterwards.
      if (firstPage) {
        startAfter.ifPresent(request::startAfter);
      } else {
        request.continuationToken(continuationToken);
      }
      ListObjectsV2Response page =
          failures.call("ListObjectsV2", bucket, prefix == null ? null : prefix + "*", () -> s3.listObjectsV2(request.build()));
      for (S3Object object : page.contents()) {
        if (found.size() == limit) {
          break; // a store may send more than maxKeys; the port promises at most limit
        }
        found.add(new BlobInfo(object.key(), sizeOf(object.size()), object.lastModified()));
      }
      continuationToken = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
      firstPage = false;
    }
    return List.copyOf(found);
  }

  @Override
  public Optional<URI> presignGet(BlobArea area, String key, Duration ttl) {
    String bucket = buckets.bucketFor(area);
    requireKey(key);
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_PRESIGN_TTL) > 0) {
      throw new IllegalArgumentException("ttl must be positive and at most " + MAX_PRESIGN_TTL + ", was " + ttl);
    }
    // Signed locally: no request reaches the store, so a missing object only shows when fetched.
    String url =
        failures.call(
            "presign GetObject",
            bucket,
            key,
            () ->
                presigner
                    .presignGetObject(r -> r.signatureDuration(ttl).getObjectRequest(g -> g.bucket(bucket).key(key)))
                    .url()
                    .toString());
    try {
      return Optional.of(new URI(url));
    } catch (URISyntaxException e) {
      throw failures.failure("presign GetObject", bucket, key, "the signed URL is not a valid URI", false);
    }
  }

  @Override
  public String toString() {
    return "S3BlobAdapter[endpoint=" + failures.endpoint() + ", buckets=" + buckets + "]";
  }

  private <T> Optional<T> emptyIfMissing(String action, String bucket, String key, Supplier<T> call) {
    try {
      return Optional.of(call.get());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      // A 404 without a code (HEAD has no body) is a missing key; NoSuchBucket is a misconfiguration.
      if (e.statusCode() == 404 && !isNoSuchBucket(e)) {
        return Optional.empty();
      }
      throw failures.translate(action, bucket, key, e);
    } catch (SdkException | UncheckedIOException e) {
      throw failures.translate(action, bucket, key, e);
    }
  }

  private static boolean isNoSuchBucket(S3Exception e) {
    return e.awsErrorDetails() != null && "NoSuchBucket".equals(e.awsErrorDetails().errorCode());
  }

  private static BlobInfo toBlobInfo(String key, HeadObjectResponse response) {
    return new BlobInfo(key, sizeOf(response.contentLength()), response.lastModified());
  }

  private static long sizeOf(Long size) {
    return size == null ? 0L : size;
  }

  private static void requireKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
  }
}
