package io.udm.adapter.s3;

import static io.udm.adapter.s3.CredentialAssertions.assertCredentialFree;
import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.error.StorageException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Classification and wording of failures, on exceptions built by hand (no server needed). */
class S3FailuresTest {
  private static final String CANARY_ACCESS_KEY = "AKIAUNITCANARY123456";
  private static final String CANARY_SECRET_KEY = "unitCanarySecret/abc+XYZ0987";
  private static final String ENDPOINT = "https://nyc3.example.test";

  private final S3Failures failures =
      new S3Failures(ENDPOINT, new CredentialScrubber(CANARY_ACCESS_KEY, CANARY_SECRET_KEY));

  @ParameterizedTest(name = "HTTP {0} {1} -> transient {2}")
  @CsvSource({
    "500, InternalError, true",
    "502, BadGateway, true",
    "503, SlowDown, true",
    "503, ServiceUnavailable, true",
    "429, TooManyRequests, true",
    "408, RequestTimeout, true",
    "400, RequestTimeout, true",
    "400, InvalidArgument, false",
    "403, AccessDenied, false",
    "403, SignatureDoesNotMatch, false",
    "404, NoSuchBucket, false",
    "301, PermanentRedirect, false",
    "409, BucketAlreadyExists, false"
  })
  void serviceFailuresAreTransientOnlyWhenARetryCanHelp(int status, String code, boolean expectedTransient) {
    StorageException failure = failures.translate("PutObject", "udm-json", "t/k", serviceFailure(status, code, "boom"));

    assertThat(failure.isTransient()).isEqualTo(expectedTransient);
    assertThat(failure.getMessage())
        .contains("PutObject")
        .contains(ENDPOINT)
        .contains("bucket 'udm-json'")
        .contains("key 't/k'")
        .contains("HTTP " + status)
        .contains(code);
  }

  @Test
  void refusedConnectionIsTransient() {
    SdkClientException refused =
        SdkClientException.create("Unable to execute HTTP request: Connection refused", new ConnectException("Connection refused"));

    assertThat(failures.translate("GetObject", "b", "k", refused).isTransient()).isTrue();
  }

  @Test
  void timeoutsAreTransient() {
    SdkClientException readTimeout =
        SdkClientException.create("Unable to execute HTTP request: Read timed out", new SocketTimeoutException("Read timed out"));

    assertThat(failures.translate("GetObject", "b", "k", readTimeout).isTransient()).isTrue();
    assertThat(failures.translate("GetObject", "b", "k", ApiCallTimeoutException.create(1000)).isTransient()).isTrue();
    assertThat(failures.translate("GetObject", "b", "k", ApiCallAttemptTimeoutException.create(1000)).isTransient())
        .isTrue();
    assertThat(failures.translate("GetObject", "b", "k", new UncheckedIOException(new java.io.IOException("reset"))).isTransient())
        .isTrue();
  }

  @Test
  void clientSideConfigurationProblemsAreNotTransient() {
    SdkClientException untrusted =
        SdkClientException.create("Unable to execute HTTP request", new SSLHandshakeException("PKIX path building failed"));
    SdkClientException badConfig = SdkClientException.create("Unable to marshall request");

    assertThat(failures.translate("GetObject", "b", "k", untrusted).isTransient()).isFalse();
    assertThat(failures.translate("GetObject", "b", "k", badConfig).isTransient()).isFalse();
  }

  @Test
  void accessDeniedTellsWhatToCheck() {
    StorageException failure = failures.translate("GetObject", "udm-json", "k", serviceFailure(403, "AccessDenied", "Access Denied"));

    assertThat(failure.getMessage()).contains("check this backend's spacesConns accessKey and secretKey");
  }

  @Test
  void missingBucketTellsHowToCreateIt() {
    StorageException failure = failures.translate("GetObject", "udm-json", "k", serviceFailure(404, "NoSuchBucket", "nope"));

    assertThat(failure.getMessage()).contains("createBucketsIfMissing").contains("'udm-json'");
  }

  @Test
  void credentialsEchoedByTheServerAreScrubbedEverywhere() {
    String echo =
        "The AWS Access Key Id " + CANARY_ACCESS_KEY + " you provided does not exist; secret " + CANARY_SECRET_KEY;
    S3Exception service =
        (S3Exception) S3Exception.builder()
            .statusCode(403)
            .message(echo)
            .requestId(CANARY_ACCESS_KEY)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidAccessKeyId " + CANARY_ACCESS_KEY).errorMessage(echo).build())
            .cause(new IllegalStateException("inner " + CANARY_SECRET_KEY))
            .build();

    StorageException failure = failures.translate("HeadBucket", "udm-json", null, service);

    assertThat(failure.getMessage()).contains("HTTP 403").contains(CredentialScrubber.MASK);
    assertCredentialFree(failure, CANARY_ACCESS_KEY, CANARY_SECRET_KEY);
  }

  @Test
  void credentialsInClientSideMessagesAreScrubbedEverywhere() {
    SdkClientException client =
        SdkClientException.create(
            "Unable to execute HTTP request to https://h/b/k?X-Amz-Credential=" + CANARY_ACCESS_KEY + "%2F20260101",
            new ConnectException("refused for " + CANARY_ACCESS_KEY + ":" + CANARY_SECRET_KEY));
    client.addSuppressed(new IllegalStateException("attempt 1: " + CANARY_ACCESS_KEY));

    StorageException failure = failures.translate("GetObject", "b", "k", client);

    assertCredentialFree(failure, CANARY_ACCESS_KEY, CANARY_SECRET_KEY);
  }

  @Test
  void causeKeepsTheOriginalStackTraceButNoSdkType() {
    SdkClientException client = SdkClientException.create("x", new ConnectException("refused"));

    StorageException failure = failures.translate("GetObject", "b", "k", client);

    assertThat(failure.getCause()).isInstanceOf(SanitizedCause.class).hasMessageStartingWith(SdkClientException.class.getName());
    assertThat(failure.getCause().getStackTrace()).isEqualTo(client.getStackTrace());
    assertThat(failure.getCause().getCause()).hasMessage(ConnectException.class.getName() + ": refused");
  }

  private static S3Exception serviceFailure(int status, String code, String message) {
    return (S3Exception) S3Exception.builder()
        .statusCode(status)
        .message(message)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .build();
  }
}
