package io.udm.bootstrap;

import io.udm.adapter.s3.S3Settings;
import io.udm.adapter.s3.S3Storage;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.app.MutableClock;
import io.udm.app.UdmBehaviourSuite;
import io.udm.embedded.EmbeddedServers;
import io.udm.spi.BlobStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The public API behaviour through {@link Udms#create} on the real MongoDB and S3 adapters, against
 * a MongoDB-protocol server and an S3 server in this JVM (two backend pairs), over real sockets.
 */
class MongoS3UdmsTest extends UdmBehaviourSuite {
  private static EmbeddedServers servers;

  @BeforeAll
  static void startServers() {
    servers = EmbeddedServers.transientPairs(2);
  }

  @AfterAll
  static void stopServers() {
    servers.close();
  }

  private final Map<Udm, String> bucketPrefixOf = new IdentityHashMap<>();
  private final List<S3Storage> reachedBehindTheBack = new ArrayList<>();

  @Override
  protected Udm newUdm(UdmConfig config, MutableClock clock) {
    String bucketPrefix = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    UdmConfig connected = servers.configFor(config, bucketPrefix);
    Udm udm = Udms.create(connected, ConnectOptions.defaults().withCreateBucketsIfMissing(true).withClock(clock));
    bucketPrefixOf.put(udm, bucketPrefix);
    return udm;
  }

  /** Its own S3 client on the pair that holds {@code ctx}, with the buckets {@code udm} was given. */
  @Override
  protected Optional<BlobStore> objectStoreBehindUdmsBack(Udm udm, RouteContext ctx) {
    S3Storage s3 = S3Storage.open(servers.spacesConn(udm.route(ctx).index(), bucketPrefixOf.get(udm)), S3Settings.defaults());
    reachedBehindTheBack.add(s3);
    return Optional.of(s3.blobs());
  }

  @AfterEach
  void closeClientsBehindTheBack() {
    reachedBehindTheBack.forEach(S3Storage::close);
  }

  /** 1,000 in CI to stay quick over real sockets; {@code -Dudm.counters.ops=10000} runs the full count. */
  @Override
  protected int randomizedCounterOps() {
    return Integer.getInteger("udm.counters.ops", 1_000);
  }

  @Override
  protected byte[] fetchPresigned(URI url) throws Exception {
    HttpResponse<byte[]> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + url.getPath() + " answered " + response.statusCode());
    }
    return response.body();
  }
}
