package io.udm.adapter.s3;

import io.udm.api.error.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Turns SDK failures into {@link StorageException}s that name the endpoint, bucket and key, say
 * whether a retry may help and what to do, and hold no credential and no SDK type.
 */
final class S3Failures {
  /** Error codes of failures that a later retry may get past, whatever their HTTP status. */
  private static final Set<String> TRANSIENT_CODES =
      Set.of(
          "SlowDown",
          "RequestTimeout",
          "InternalError",
          "ServiceUnavailable",
          "Throttling",
          "ThrottlingException",
          "TooManyRequests",
          "TooManyRequestsException",
          "RequestLimitExceeded",
          "OperationAborted");

  private static final Set<String> WRONG_REGION_CODES =
      Set.of("PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException");

  private static final int MAX_CAUSE_DEPTH = 16;
  private static final int MAX_SERVER_TEXT = 300;

  private final String endpoint;
  private final CredentialScrubber scrubber;

  /** @param endpoint the store's endpoint, already redacted */
  S3Failures(String endpoint, CredentialScrubber scrubber) {
    this.endpoint = endpoint;
    this.scrubber = scrubber;
  }

  String endpoint() {
    return endpoint;
  }

  /** Runs one SDK call; its failures come back translated. {@code key} may be null. */
  <T> T call(String action, String bucket, String key, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException | UncheckedIOException e) {
      throw translate(action, bucket, key, e);
    }
  }

  StorageException translate(String action, String bucket, String key, RuntimeException failure) {
    boolean transientFailure;
    String detail;
    String advice;
    if (failure instanceof SdkServiceException service) {
      String code = errorCode(service);
      transientFailure = isTransient(service, code);
      detail = describe(service, code);
      advice = transientFailure ? transientAdvice() : serviceAdvice(service, code, bucket);
    } else {
      transientFailure = isTransientClientFailure(failure);
      detail = scrubber.scrub(failure.getMessage(), MAX_SERVER_TEXT);
      advice =
          transientFailure
              ? transientAdvice()
              : "Check this backend's spacesConns endpoint, region and forcePathStyle";
    }
    String message =
        "S3 " + action + " failed at " + endpoint + where(bucket, key) + ": " + detail + ". " + advice + ".";
    return new StorageException(message, transientFailure, SanitizedCause.of(failure, scrubber));
  }

  /** A failure this adapter detects itself (no SDK exception behind it). */
  StorageException failure(String action, String bucket, String key, String detail, boolean transientFailure) {
    String advice =
        transientFailure
            ? transientAdvice()
            : "Check this backend's spacesConns settings and the bucket's permissions";
    return new StorageException(
        "S3 " + action + " failed at " + endpoint + where(bucket, key) + ": " + scrubber.scrub(detail) + ". " + advice + ".",
        transientFailure);
  }

  static boolean isTransient(SdkServiceException service, String code) {
    int status = service.statusCode();
    return status >= 500
        || status == 429
        || status == 408
        || service.isThrottlingException()
        || isTransientCode(code);
  }

  static boolean isTransientCode(String code) {
    return code != null && TRANSIENT_CODES.contains(code);
  }

  /** No answer from the server: a network problem is worth a retry, a configuration problem is not. */
  static boolean isTransientClientFailure(Throwable failure) {
    Throwable current = failure;
    for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
      if (current instanceof ApiCallTimeoutException || current instanceof ApiCallAttemptTimeoutException) {
        return true;
      }
      if (current instanceof SSLHandshakeException) {
        return false; // untrusted certificate or protocol mismatch: configuration, not weather
      }
      if (current instanceof IOException) {
        return true; // refused, reset, timed out, host not resolved
      }
      current = current.getCause();
    }
    return failure instanceof SdkException sdk && sdk.retryable();
  }

  private static String errorCode(SdkServiceException service) {
    if (service instanceof AwsServiceException aws) {
      AwsErrorDetails details = aws.awsErrorDetails();
      if (details != null) {
        return details.errorCode();
      }
    }
    return null;
  }

  private String describe(SdkServiceException service, String code) {
    StringBuilder out = new StringBuilder("HTTP ").append(service.statusCode());
    if (code != null && !code.isBlank()) {
      out.append(' ').append(scrubber.scrub(code, 64));
    }
    // The server's own text is useful ("bucket does not exist"), but some stores echo the access key
    // id in it: it is scrubbed, and the SDK's composed getMessage() is never used.
    if (service instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      String serverText = aws.awsErrorDetails().errorMessage();
      if (serverText != null && !serverText.isBlank()) {
        out.append(" (").append(scrubber.scrub(serverText, MAX_SERVER_TEXT)).append(')');
      }
    }
    if (service.requestId() != null) {
      out.append(", request id ").append(scrubber.scrub(service.requestId(), 128));
    }
    return out.toString();
  }

  private String transientAdvice() {
    return "This looks temporary (store unreachable, slow or overloaded): retry later;"
        + " if it persists, check that "
        + endpoint
        + " is up and reachable from here";
  }

  private String serviceAdvice(SdkServiceException service, String code, String bucket) {
    int status = service.statusCode();
    if ("NoSuchBucket".equals(code)) {
      return "Bucket '"
          + bucket
          + "' does not exist: create it, correct its name in spacesConns,"
          + " or set S3Settings.createBucketsIfMissing(true)";
    }
    if ("BucketAlreadyExists".equals(code)) {
      return "Bucket name '" + bucket + "' is taken by another account: choose another name in spacesConns";
    }
    if (service.isClockSkewException()) {
      return "This machine's clock differs too much from the store's: synchronize it (NTP)";
    }
    if (status == 301 || status == 307 || (code != null && WRONG_REGION_CODES.contains(code))) {
      return "Wrong region or endpoint: check spacesConns region and endpoint";
    }
    if (status == 401 || status == 403) {
      return "Access denied: check this backend's spacesConns accessKey and secretKey,"
          + " and that they may use bucket '"
          + bucket
          + "'";
    }
    return "The store rejected the request: check spacesConns endpoint, region and forcePathStyle,"
        + " and the key";
  }

  private static String where(String bucket, String key) {
    StringBuilder out = new StringBuilder();
    if (bucket != null) {
      out.append(", bucket '").append(bucket).append('\'');
    }
    if (key != null) {
      out.append(", key '").append(key).append('\'');
    }
    return out.toString();
  }
}
