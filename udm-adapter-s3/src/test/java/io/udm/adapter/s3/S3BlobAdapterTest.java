package io.udm.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.config.SpacesConn;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobInfo;
import io.udm.spi.BlobStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;

/** Every {@link BlobStore} method through the port, against S3Proxy over real sockets. */
class S3BlobAdapterTest {
  private static S3ProxyServer server;
  private static SpacesConn conn;
  private static S3Storage storage;
  private static BlobStore blobs;
  /** A plain SDK client to look behind the adapter's back. */
  private static S3Client rawClient;

  private final HttpClient http = HttpClient.newHttpClient();
  private String prefix;

  @BeforeAll
  static void startServer() {
    server = S3ProxyServer.start();
    conn = server.conn("blobs");
    storage = S3Storage.open(conn, S3Settings.builder().createBucketsIfMissing(true).build());
    blobs = storage.blobs();
    rawClient = S3ClientFactory.client(conn, URI.create(conn.endpoint()), S3Settings.defaults());
  }

  @AfterAll
  static void stopServer() {
    rawClient.close();
    storage.close();
    server.close();
  }

  @BeforeEach
  void uniquePrefix(TestInfo test) {
    // Every test writes under its own prefix, so no test sees another's keys.
    prefix = "t/" + test.getTestMethod().orElseThrow().getName() + "-" + UUID.randomUUID() + "/";
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {1024, 1024 * 1024})
  void getReturnsExactlyTheBytesPut(int size) {
    byte[] bytes = randomBytes(size);
    blobs.put(BlobArea.CONTENT, prefix + "blob", bytes, "application/octet-stream");

    assertThat(blobs.get(BlobArea.CONTENT, prefix + "blob")).hasValueSatisfying(got -> assertThat(got).isEqualTo(bytes));
  }

  @Test
  void emptyObjectRoundTrips() {
    blobs.put(BlobArea.JSON, prefix + "empty", new byte[0], "application/json");

    assertThat(blobs.get(BlobArea.JSON, prefix + "empty")).hasValueSatisfying(got -> assertThat(got).isEmpty());
    assertThat(blobs.head(BlobArea.JSON, prefix + "empty")).hasValueSatisfying(info -> assertThat(info.size()).isZero());
  }

  @Test
  void headReportsKeySizeAndLastModified() {
    blobs.put(BlobArea.JSON, prefix + "1-w.json", randomBytes(1234), "application/json");

    Optional<BlobInfo> info = blobs.head(BlobArea.JSON, prefix + "1-w.json");

    assertThat(info).hasValueSatisfying(i -> {
      assertThat(i.key()).isEqualTo(prefix + "1-w.json");
      assertThat(i.size()).isEqualTo(1234);
      assertThat(i.lastModified()).isNotNull();
    });
  }

  @Test
  void missingKeyGivesEmptyGetAndHead() {
    assertThat(blobs.get(BlobArea.JSON, prefix + "missing")).isEmpty();
    assertThat(blobs.head(BlobArea.JSON, prefix + "missing")).isEmpty();
  }

  @Test
  void eachAreaWritesToItsOwnBucket() {
    blobs.put(BlobArea.JSON, prefix + "k", bytes("json"), "application/json");
    blobs.put(BlobArea.CONTENT, prefix + "k", bytes("content"), "image/png");
    blobs.put(BlobArea.BACKUPS, prefix + "k", bytes("backups"), "application/x-ndjson");

    assertThat(rawGet(conn.jsonBucket(), prefix + "k")).isEqualTo("json");
    assertThat(rawGet(conn.contentBucket(), prefix + "k")).isEqualTo("content");
    assertThat(rawGet(conn.backupsBucket(), prefix + "k")).isEqualTo("backups");
  }

  @Test
  void putStoresTheContentType() {
    blobs.put(BlobArea.CONTENT, prefix + "avatar", randomBytes(10), "image/jpeg");

    String contentType =
        rawClient.headObject(r -> r.bucket(conn.contentBucket()).key(prefix + "avatar")).contentType();

    assertThat(contentType).isEqualTo("image/jpeg");
  }

  @Test
  void putOfTheSameKeyAndBytesAgainIsIdempotent() {
    byte[] bytes = randomBytes(100);
    blobs.put(BlobArea.CONTENT, prefix + "c/sha", bytes, "image/png");
    blobs.put(BlobArea.CONTENT, prefix + "c/sha", bytes, "image/png");

    assertThat(blobs.get(BlobArea.CONTENT, prefix + "c/sha")).hasValueSatisfying(got -> assertThat(got).isEqualTo(bytes));
  }

  @Test
  void deleteRemovesTheObject() {
    blobs.put(BlobArea.JSON, prefix + "doomed", bytes("x"), "application/json");

    blobs.delete(BlobArea.JSON, prefix + "doomed");

    assertThat(blobs.get(BlobArea.JSON, prefix + "doomed")).isEmpty();
  }

  @Test
  void deletingAMissingKeyIsFine() {
    blobs.delete(BlobArea.JSON, prefix + "never-written");

    assertThat(blobs.head(BlobArea.JSON, prefix + "never-written")).isEmpty();
  }

  @Test
  void listReturnsKeysUnderThePrefixInLexicographicOrder() {
    List<String> names = new ArrayList<>(List.of("a", "B", "b/1", "b0", "b-", "c-1", "c.1", "c_1", "A", "0", "Z"));
    // S3Proxy stores keys as files: "b" and "b/1" cannot both exist there, so no key is a folder.
    Collections.shuffle(names, new Random(42));
    names.forEach(name -> blobs.put(BlobArea.JSON, prefix + name, bytes(name), "text/plain"));
    blobs.put(BlobArea.JSON, prefix.substring(0, prefix.length() - 1) + "-sibling", bytes("x"), "text/plain");

    List<String> listed = keysOf(blobs.list(BlobArea.JSON, prefix, Optional.empty(), 100));

    assertThat(listed).isEqualTo(names.stream().map(name -> prefix + name).sorted().toList());
  }

  @Test
  void listReportsSizeAndLastModified() {
    blobs.put(BlobArea.JSON, prefix + "sized", randomBytes(77), "application/json");

    List<BlobInfo> listed = blobs.list(BlobArea.JSON, prefix, Optional.empty(), 10);

    assertThat(listed).singleElement().satisfies(info -> {
      assertThat(info.key()).isEqualTo(prefix + "sized");
      assertThat(info.size()).isEqualTo(77);
      assertThat(info.lastModified()).isNotNull();
    });
  }

  @Test
  void listStartsStrictlyAfterStartAfter() {
    List<String> keys = putKeys(BlobArea.JSON, prefix, 6);

    assertThat(keysOf(blobs.list(BlobArea.JSON, prefix, Optional.of(keys.get(2)), 100))).isEqualTo(keys.subList(3, 6));
    // A startAfter that is no stored key works as a position too.
    assertThat(keysOf(blobs.list(BlobArea.JSON, prefix, Optional.of(keys.get(2) + "!"), 100)))
        .isEqualTo(keys.subList(3, 6));
    assertThat(blobs.list(BlobArea.JSON, prefix, Optional.of(keys.get(5)), 100)).isEmpty();
  }

  @Test
  void listReturnsAtMostLimit() {
    List<String> keys = putKeys(BlobArea.JSON, prefix, 5);

    assertThat(keysOf(blobs.list(BlobArea.JSON, prefix, Optional.empty(), 3))).isEqualTo(keys.subList(0, 3));
    assertThat(blobs.list(BlobArea.JSON, prefix, Optional.empty(), 0)).isEmpty();
  }

  @Test
  void negativeLimitIsRejected() {
    assertThatThrownBy(() -> blobs.list(BlobArea.JSON, prefix, Optional.empty(), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listFollowsContinuationTokensAcrossPagesUntilLimit() {
    List<String> keys = putKeys(BlobArea.BACKUPS, prefix, 11);
    // Pages of 3 keys: the adapter must chain continuation tokens to fill the limit.
    BlobStore smallPages = adapterOn(rawClient, 3);

    assertThat(keysOf(smallPages.list(BlobArea.BACKUPS, prefix, Optional.empty(), 10))).isEqualTo(keys.subList(0, 10));
    assertThat(keysOf(smallPages.list(BlobArea.BACKUPS, prefix, Optional.empty(), 100))).isEqualTo(keys);
    assertThat(keysOf(smallPages.list(BlobArea.BACKUPS, prefix, Optional.of(keys.get(1)), 7)))
        .isEqualTo(keys.subList(2, 9));
  }

  @Test
  void pagingWithTheLastKeyAsStartAfterVisitsEveryKeyOnce() {
    List<String> keys = putKeys(BlobArea.JSON, prefix, 10);

    List<String> visited = new ArrayList<>();
    Optional<String> position = Optional.empty();
    List<BlobInfo> page;
    do {
      page = blobs.list(BlobArea.JSON, prefix, position, 4);
      visited.addAll(keysOf(page));
      position = page.isEmpty() ? position : Optional.of(page.get(page.size() - 1).key());
    } while (!page.isEmpty());

    assertThat(visited).isEqualTo(keys);
  }

  @Test
  void listBeyondOneServerPageOf1000Keys() {
    List<String> keys = putKeys(BlobArea.CONTENT, prefix, 1050);

    assertThat(keysOf(blobs.list(BlobArea.CONTENT, prefix, Optional.empty(), 1020))).isEqualTo(keys.subList(0, 1020));
    assertThat(keysOf(blobs.list(BlobArea.CONTENT, prefix, Optional.of(keys.get(9)), 5000)))
        .isEqualTo(keys.subList(10, 1050));
  }

  @Test
  void presignedGetServesTheSameBytes() throws Exception {
    byte[] bytes = randomBytes(4096);
    blobs.put(BlobArea.CONTENT, prefix + "c/abc", bytes, "image/png");

    URI url = blobs.presignGet(BlobArea.CONTENT, prefix + "c/abc", Duration.ofMinutes(5)).orElseThrow();
    HttpResponse<byte[]> response = fetch(url);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(bytes);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(url.getRawQuery()).contains("X-Amz-Expires=300");
  }

  @Test
  void tamperedPresignedUrlIsRefused() throws Exception {
    blobs.put(BlobArea.CONTENT, prefix + "secret-a", bytes("a"), "text/plain");
    blobs.put(BlobArea.CONTENT, prefix + "secret-b", bytes("b"), "text/plain");
    URI url = blobs.presignGet(BlobArea.CONTENT, prefix + "secret-a", Duration.ofMinutes(5)).orElseThrow();

    URI otherKey = URI.create(url.toString().replace("secret-a", "secret-b"));
    URI longerTtl = URI.create(url.toString().replace("X-Amz-Expires=300", "X-Amz-Expires=301"));

    assertThat(fetch(otherKey).statusCode()).isEqualTo(403);
    assertThat(fetch(longerTtl).statusCode()).isEqualTo(403);
  }

  @Test
  void presignRejectsTtlOutsideWhatSigV4Allows() {
    assertThatThrownBy(() -> blobs.presignGet(BlobArea.CONTENT, prefix + "k", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> blobs.presignGet(BlobArea.CONTENT, prefix + "k", Duration.ofDays(8)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void healthProbeAnswersWhenAllBucketsExist() {
    storage.health().ping();
  }

  private List<String> putKeys(BlobArea area, String under, int count) {
    return TestKeys.putAll(blobs, area, TestKeys.numbered(under, count));
  }

  private static BlobStore adapterOn(S3Client client, int listPageSize) {
    S3Failures failures =
        new S3Failures(conn.endpoint(), new CredentialScrubber(conn.accessKey(), conn.secretKey()));
    return new S3BlobAdapter(
        client,
        S3ClientFactory.presigner(conn, URI.create(conn.endpoint())),
        S3Buckets.of(conn),
        failures,
        listPageSize);
  }

  private HttpResponse<byte[]> fetch(URI url) throws Exception {
    return http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String rawGet(String bucket, String key) {
    return rawClient.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
  }

  private static List<String> keysOf(List<BlobInfo> infos) {
    return infos.stream().map(BlobInfo::key).toList();
  }

  private static byte[] bytes(String text) {
    return TestKeys.bytes(text);
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }
}
