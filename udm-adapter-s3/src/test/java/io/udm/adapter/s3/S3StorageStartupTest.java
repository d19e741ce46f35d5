package io.udm.adapter.s3;

import static io.udm.adapter.s3.CredentialAssertions.assertCredentialFree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.udm.api.config.SpacesConn;
import io.udm.api.error.StorageException;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobStore;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Opening a store: bucket checks, bucket creation, bad credentials, bad endpoints. */
class S3StorageStartupTest {
  /** Canaries: if either ever shows up in a message, credentials leak. */
  private static final String CANARY_ACCESS_KEY = "AKIACANARYACCESS7Q3X";
  private static final String CANARY_SECRET_KEY = "canarySecret/Kq8+Zz0w9S3cr3tXYZ";

  private static S3ProxyServer server;
  private static S3Client rawClient;

  @BeforeAll
  static void startServer() {
    server = S3ProxyServer.start();
    rawClient = S3ClientFactory.client(server.conn("raw"), URI.create(server.endpoint()), S3Settings.defaults());
  }

  @AfterAll
  static void stopServer() {
    rawClient.close();
    server.close();
  }

  @Test
  void missingBucketsFailTheStartNamingEachOneAndTheSettingToChange() {
    SpacesConn conn = server.conn("missing");
    rawClient.createBucket(r -> r.bucket(conn.jsonBucket()));

    StorageException failure =
        catchThrowableOfType(StorageException.class, () -> S3Storage.open(conn, S3Settings.defaults()));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure.getMessage())
        .contains(server.endpoint())
        .contains("'" + conn.contentBucket() + "' (contentBucket)")
        .contains("'" + conn.backupsBucket() + "' (backupsBucket)")
        .doesNotContain(conn.jsonBucket())
        .contains("createBucketsIfMissing");
  }

  @Test
  void createBucketsIfMissingCreatesThemAndALaterStartFindsThem() {
    SpacesConn conn = server.conn("created");

    try (S3Storage storage = S3Storage.open(conn, S3Settings.builder().createBucketsIfMissing(true).build())) {
      storage.blobs().put(BlobArea.BACKUPS, "export/1.ndjson", new byte[] {1}, "application/x-ndjson");
    }

    for (String bucket : new String[] {conn.jsonBucket(), conn.contentBucket(), conn.backupsBucket()}) {
      rawClient.headBucket(r -> r.bucket(bucket)); // throws when missing
    }
    try (S3Storage again = S3Storage.open(conn, S3Settings.defaults())) {
      assertThat(again.blobs().head(BlobArea.BACKUPS, "export/1.ndjson")).isPresent();
    }
  }

  @Test
  void creatingBucketsThatAlreadyExistIsFine() {
    SpacesConn conn = server.conn("twice");
    S3Settings creating = S3Settings.builder().createBucketsIfMissing(true).build();

    S3Storage.open(conn, creating).close();
    S3Storage.open(conn, creating).close();
  }

  @Test
  void oneBucketForAllThreeAreasIsCheckedOnce() {
    String shared = S3ProxyServer.uniqueBucketPrefix("shared");
    SpacesConn conn = server.conn(shared, shared, shared, S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);

    try (S3Storage storage = S3Storage.open(conn, S3Settings.builder().createBucketsIfMissing(true).build())) {
      storage.blobs().put(BlobArea.JSON, "k", new byte[] {1}, "application/json");
      assertThat(storage.blobs().get(BlobArea.CONTENT, "k")).isPresent();
    }
  }

  @Test
  void healthProbeFailsNamingABucketThatDisappeared() {
    SpacesConn conn = server.conn("vanishing");
    try (S3Storage storage = S3Storage.open(conn, S3Settings.builder().createBucketsIfMissing(true).build())) {
      storage.health().ping();
      rawClient.deleteBucket(r -> r.bucket(conn.contentBucket()));

      StorageException failure = catchThrowableOfType(StorageException.class, () -> storage.health().ping());

      assertThat(failure.isTransient()).isFalse();
      assertThat(failure.getMessage()).contains(conn.contentBucket()).contains(server.endpoint()).contains("404");
    }
  }

  @Test
  void unknownAccessKeyIsRefusedWithoutEchoingTheCredentials() {
    SpacesConn conn = server.conn("canary");
    S3Storage.open(conn, S3Settings.builder().createBucketsIfMissing(true).build()).close();
    SpacesConn canary =
        server.conn(conn.jsonBucket(), conn.contentBucket(), conn.backupsBucket(), CANARY_ACCESS_KEY, CANARY_SECRET_KEY);

    StorageException failure =
        catchThrowableOfType(StorageException.class, () -> S3Storage.open(canary, S3Settings.defaults()));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure.getMessage()).contains("403").contains(server.endpoint()).contains("accessKey and secretKey");
    assertCredentialFree(failure, CANARY_ACCESS_KEY, CANARY_SECRET_KEY);
  }

  @Test
  void blobCallsWithAnUnknownKeyAreRefusedWithoutEchoingTheCredentials() {
    SpacesConn conn = server.conn("canary-calls");
    S3Storage.open(conn, S3Settings.builder().createBucketsIfMissing(true).build()).close();
    SpacesConn canary =
        server.conn(conn.jsonBucket(), conn.contentBucket(), conn.backupsBucket(), CANARY_ACCESS_KEY, CANARY_SECRET_KEY);
    URI endpoint = URI.create(server.endpoint());
    // Built by hand: S3Storage.open would already stop at the bucket check.
    try (S3Client client = S3ClientFactory.client(canary, endpoint, S3Settings.defaults());
        S3Presigner presigner = S3ClientFactory.presigner(canary, endpoint)) {
      S3Failures failures =
          new S3Failures(server.endpoint(), new CredentialScrubber(CANARY_ACCESS_KEY, CANARY_SECRET_KEY));
      BlobStore blobs = new S3BlobAdapter(client, presigner, S3Buckets.of(canary), failures);
      List<ThrowingCallable> calls =
          List.of(
              () -> blobs.put(BlobArea.JSON, "k", new byte[] {1}, "application/json"),
              () -> blobs.get(BlobArea.JSON, "k"),
              () -> blobs.head(BlobArea.JSON, "k"),
              () -> blobs.delete(BlobArea.JSON, "k"),
              () -> blobs.deleteAll(BlobArea.JSON, List.of("a/1", "a/2")),
              () -> blobs.list(BlobArea.JSON, "", Optional.empty(), 10));

      for (ThrowingCallable call : calls) {
        StorageException failure = catchThrowableOfType(StorageException.class, call);
        assertThat(failure).as("a StorageException").isNotNull();
        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.getMessage()).contains("403");
        assertCredentialFree(failure, CANARY_ACCESS_KEY, CANARY_SECRET_KEY);
      }
    }
  }

  @Test
  void wrongSecretIsRefusedWithoutEchoingTheCredentials() {
    SpacesConn conn = server.conn("wrong-secret");
    try (S3Storage storage = S3Storage.open(conn, S3Settings.builder().createBucketsIfMissing(true).build())) {
      storage.blobs().put(BlobArea.JSON, "k", new byte[] {1}, "application/json");
    }
    SpacesConn wrongSecret =
        server.conn(conn.jsonBucket(), conn.contentBucket(), conn.backupsBucket(), S3ProxyServer.ACCESS_KEY, CANARY_SECRET_KEY);

    StorageException failure =
        catchThrowableOfType(StorageException.class, () -> S3Storage.open(wrongSecret, S3Settings.defaults()));

    assertThat(failure.isTransient()).isFalse();
    assertThat(failure.getMessage()).contains("403");
    assertCredentialFree(failure, S3ProxyServer.ACCESS_KEY, CANARY_SECRET_KEY);
  }

  @Test
  void storageAndAdaptersPrintNoCredentials() {
    SpacesConn conn = server.conn("printing");
    try (S3Storage storage = S3Storage.open(conn, S3Settings.builder().createBucketsIfMissing(true).build())) {
      for (Object printed : new Object[] {storage, storage.blobs(), storage.health()}) {
        assertThat(printed.toString())
            .contains(server.endpoint())
            .doesNotContain(S3ProxyServer.ACCESS_KEY)
            .doesNotContain(S3ProxyServer.SECRET_KEY);
      }
    }
  }

  @Test
  void endpointWithoutSchemeIsRejectedClearly() {
    SpacesConn conn = SpacesConn.builder()
        .from(server.conn("no-scheme"))
        .endpoint("127.0.0.1:9000")
        .build();

    assertThatThrownBy(() -> S3Storage.open(conn, S3Settings.defaults()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("127.0.0.1:9000")
        .hasMessageContaining("spacesConns endpoint");
  }

  @Test
  void userInfoInTheEndpointIsRedactedFromMessages() {
    SpacesConn conn = SpacesConn.builder()
        .from(server.conn("userinfo"))
        .endpoint("http://" + CANARY_ACCESS_KEY + ":" + CANARY_SECRET_KEY.replace("/", "") + "@127.0.0.1:" + URI.create(server.endpoint()).getPort())
        .build();

    StorageException failure =
        catchThrowableOfType(StorageException.class, () -> S3Storage.open(conn, S3Settings.defaults()));

    assertCredentialFree(failure, CANARY_ACCESS_KEY, CANARY_SECRET_KEY.replace("/", ""));
  }
}
