package io.udm.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.config.SpacesConn;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * deleteAll: the count of keys that existed, chunking, how many requests the count costs, and the
 * Content-MD5 header DeleteObjects needs on some stores.
 */
class S3DeleteAllTest {
  private static S3ProxyServer server;
  private static SpacesConn conn;
  private static S3Storage storage;
  private static BlobStore blobs;
  private static final RecordingInterceptor recorder = new RecordingInterceptor();
  private static S3Client recordedClient;

  private String prefix;

  @BeforeAll
  static void startServer() {
    server = S3ProxyServer.start();
    conn = server.conn("delete-all");
    storage = S3Storage.open(conn, S3Settings.builder().createBucketsIfMissing(true).build());
    blobs = storage.blobs();
    recordedClient = S3ClientFactory.client(conn, URI.create(conn.endpoint()), S3Settings.defaults(), List.of(recorder));
  }

  @AfterAll
  static void stopServer() {
    recordedClient.close();
    storage.close();
    server.close();
  }

  @BeforeEach
  void uniquePrefix(TestInfo test) {
    prefix = "t/" + test.getTestMethod().orElseThrow().getName() + "-" + UUID.randomUUID() + "/";
    recorder.clear();
  }

  @Test
  void countsOnlyKeysThatExistedAndDuplicatesOnce() {
    blobs.put(BlobArea.JSON, prefix + "a", TestKeys.bytes("a"), "application/json");
    blobs.put(BlobArea.JSON, prefix + "b", TestKeys.bytes("b"), "application/json");

    long deleted = blobs.deleteAll(BlobArea.JSON, List.of(prefix + "a", prefix + "b", prefix + "missing", prefix + "a"));

    assertThat(deleted).isEqualTo(2);
    assertThat(blobs.list(BlobArea.JSON, prefix, Optional.empty(), 10)).isEmpty();
  }

  @Test
  void nothingToDeleteIsZero() {
    assertThat(blobs.deleteAll(BlobArea.JSON, List.of())).isZero();
    assertThat(blobs.deleteAll(BlobArea.JSON, List.of(prefix + "missing"))).isZero();
  }

  @Test
  void moreThan1000KeysGoInChunksOfAtMost1000AndCountWithListingsNotOneHeadEach() {
    List<String> keys = TestKeys.putAll(blobs, BlobArea.CONTENT, TestKeys.numbered(prefix, 1100));
    List<String> requested = new ArrayList<>(keys);
    requested.add(prefix + "00500-missing"); // sorts between stored keys
    requested.add(prefix + "zz-missing"); // sorts after all of them
    requested.add(keys.get(0)); // a duplicate counts once
    recorder.clear();

    long deleted = recordedAdapter(S3BlobAdapter.MAX_LIST_PAGE).deleteAll(BlobArea.CONTENT, requested);

    assertThat(deleted).isEqualTo(1100);
    List<Integer> chunkSizes =
        recorder.requestsOf(DeleteObjectsRequest.class).stream().map(r -> r.delete().objects().size()).toList();
    assertThat(chunkSizes).hasSize(2).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(1000));
    assertThat(chunkSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1102);
    // One folder: one HEAD for the first key, then listing pages instead of 1101 more HEADs.
    assertThat(recorder.requestsOf(HeadObjectRequest.class)).hasSize(1);
    assertThat(recorder.requestsOf(ListObjectsV2Request.class)).hasSize(2);
    assertThat(blobs.list(BlobArea.CONTENT, prefix, Optional.empty(), 10)).isEmpty();
    assertThat(blobs.deleteAll(BlobArea.CONTENT, keys)).isZero();
  }

  @Test
  void keysInDifferentFoldersAreEachCounted() {
    List<String> stored = List.of(prefix + "a/1", prefix + "b/c/2", prefix + "d", prefix + "e/f/g/3", prefix + "e/f/g/4");
    stored.forEach(key -> blobs.put(BlobArea.BACKUPS, key, TestKeys.bytes(key), "text/plain"));
    List<String> requested = new ArrayList<>(stored);
    requested.addAll(List.of(prefix + "a/0", prefix + "b/missing", prefix + "e/f/g/35", prefix + "x/y"));

    long deleted = recordedAdapter(S3BlobAdapter.MAX_LIST_PAGE).deleteAll(BlobArea.BACKUPS, requested);

    assertThat(deleted).isEqualTo(stored.size());
    assertThat(blobs.list(BlobArea.BACKUPS, prefix, Optional.empty(), 10)).isEmpty();
  }

  @Test
  void fewKeysInACrowdedFolderFallBackToHeadsOnceListingCostsMore() {
    List<String> folder = TestKeys.putAll(blobs, BlobArea.JSON, TestKeys.numbered(prefix, 30));
    List<String> requested = List.of(folder.get(0), folder.get(15), prefix + "00016-missing", folder.get(29));
    recorder.clear();

    // Pages of 3 keys: reaching key 29 would take 10 listings, more than the 3 HEADs they replace.
    long deleted = recordedAdapter(3).deleteAll(BlobArea.JSON, requested);

    assertThat(deleted).isEqualTo(3);
    // HEAD of the first key, 3 listings (the budget: one per remaining key), then HEADs for the 3 left.
    assertThat(recorder.requestsOf(ListObjectsV2Request.class)).hasSize(3);
    assertThat(recorder.requestsOf(HeadObjectRequest.class)).hasSize(4);
    assertThat(keysLeft()).containsExactlyElementsOf(
        folder.stream().filter(key -> !requested.contains(key)).toList());
  }

  private List<String> keysLeft() {
    return blobs.list(BlobArea.JSON, prefix, Optional.empty(), 100).stream().map(info -> info.key()).toList();
  }

  @Test
  void deleteObjectsCarriesTheContentMd5OfItsBodyAsSomeStoresRequire() {
    blobs.put(BlobArea.JSON, prefix + "a", TestKeys.bytes("a"), "application/json");
    List<SdkHttpRequest> deletes = new CopyOnWriteArrayList<>();
    List<String> bodyMd5s = new CopyOnWriteArrayList<>();
    ExecutionInterceptor wire = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.httpRequest().rawQueryParameters().containsKey("delete")) {
          deletes.add(context.httpRequest());
          context.requestBody().ifPresent(body -> bodyMd5s.add(md5Base64(body)));
        }
      }
    };

    try (S3Client client = S3ClientFactory.client(conn, URI.create(conn.endpoint()), S3Settings.defaults(), List.of(wire))) {
      assertThat(adapterOn(client, S3BlobAdapter.MAX_LIST_PAGE).deleteAll(BlobArea.JSON, List.of(prefix + "a", prefix + "b")))
          .isEqualTo(1);
    }

    assertThat(bodyMd5s).hasSize(1);
    assertThat(deletes).singleElement()
        .satisfies(request -> assertThat(request.firstMatchingHeader("Content-MD5")).contains(bodyMd5s.get(0)));
    assertThat(blobs.list(BlobArea.JSON, prefix, Optional.empty(), 10)).isEmpty();
  }

  private static String md5Base64(RequestBody body) {
    try (InputStream in = body.contentStreamProvider().newStream()) {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(in.readAllBytes()));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BlobStore recordedAdapter(int listPageSize) {
    return adapterOn(recordedClient, listPageSize);
  }

  private static BlobStore adapterOn(S3Client client, int listPageSize) {
    S3Failures failures = new S3Failures(conn.endpoint(), new CredentialScrubber(conn.accessKey(), conn.secretKey()));
    return new S3BlobAdapter(
        client, S3ClientFactory.presigner(conn, URI.create(conn.endpoint())), S3Buckets.of(conn), failures, listPageSize);
  }
}
