package io.udm.adapter.s3;

import static io.udm.adapter.s3.CredentialAssertions.assertCredentialFree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.udm.api.config.SpacesConn;
import io.udm.api.error.StorageException;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A store that went away: every call fails transiently, naming where, never the credentials. */
class S3UnavailableServerTest {
  private static final String CANARY_ACCESS_KEY = "AKIACANARYDOWN0000042";
  private static final String CANARY_SECRET_KEY = "downCanarySecret+/Xy9PqRsTuVw0123";

  private static S3ProxyServer server;
  private static SpacesConn conn;
  private static S3Storage storage;
  private static BlobStore blobs;

  @BeforeAll
  static void startThenStopServer() {
    // The server accepts the canaries, so they really are in use when the store goes away.
    server = S3ProxyServer.start(CANARY_ACCESS_KEY, CANARY_SECRET_KEY);
    conn = server.conn("down");
    // One attempt: the SDK's retries would only repeat the refused connection.
    storage = S3Storage.open(conn, S3Settings.builder().createBucketsIfMissing(true).maxAttempts(1).build());
    blobs = storage.blobs();
    blobs.put(BlobArea.JSON, "t/a/1-w.json", new byte[] {1}, "application/json");
    server.stop();
  }

  @AfterAll
  static void close() {
    storage.close();
    server.close();
  }

  @Test
  void everyBlobOperationFailsTransientlyNamingEndpointBucketAndKey() {
    assertUnavailable(() -> blobs.put(BlobArea.JSON, "t/a/2-w.json", new byte[] {2}, "application/json"), conn.jsonBucket(), "t/a/2-w.json");
    assertUnavailable(() -> blobs.get(BlobArea.CONTENT, "t/a/c/sha"), conn.contentBucket(), "t/a/c/sha");
    assertUnavailable(() -> blobs.head(BlobArea.BACKUPS, "export"), conn.backupsBucket(), "export");
    assertUnavailable(() -> blobs.delete(BlobArea.JSON, "t/a/1-w.json"), conn.jsonBucket(), "t/a/1-w.json");
    assertUnavailable(() -> blobs.deleteAll(BlobArea.JSON, List.of("t/a/1-w.json", "t/b/1-w.json")), conn.jsonBucket(), "t/");
    assertUnavailable(() -> blobs.list(BlobArea.JSON, "t/a/", Optional.empty(), 10), conn.jsonBucket(), "t/a/");
  }

  @Test
  void healthProbeFailsTransiently() {
    assertUnavailable(() -> storage.health().ping(), conn.jsonBucket(), null);
  }

  @Test
  void openingAStoreThatIsDownFailsTransiently() {
    StorageException failure =
        catchThrowableOfType(StorageException.class, () -> S3Storage.open(conn, S3Settings.defaults()));

    assertThat(failure.isTransient()).isTrue();
    assertThat(failure.getMessage()).contains(server.endpoint());
    assertCredentialFree(failure, CANARY_ACCESS_KEY, CANARY_SECRET_KEY);
  }

  @Test
  void presigningNeedsNoServer() {
    assertThat(blobs.presignGet(BlobArea.CONTENT, "t/a/c/sha", Duration.ofMinutes(1))).isPresent();
  }

  private static void assertUnavailable(Executable call, String bucket, String keyFragment) {
    StorageException failure = catchThrowableOfType(StorageException.class, call::execute);

    assertThat(failure).as("a StorageException").isNotNull();
    assertThat(failure.isTransient()).isTrue();
    assertThat(failure.getMessage()).contains(server.endpoint()).contains("'" + bucket + "'").contains("retry later");
    if (keyFragment != null) {
      assertThat(failure.getMessage()).contains(keyFragment);
    }
    assertCredentialFree(failure, CANARY_ACCESS_KEY, CANARY_SECRET_KEY);
  }
}
