package io.udm.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.ItemOps;
import io.udm.api.ReadOptions;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.Base64Prop;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.LimitsConfig;
import io.udm.api.config.UdmConfig;
import io.udm.embedded.EmbeddedServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Presigned content URLs on a real S3 protocol server (S3Proxy), fetched with an HTTP client: the
 * scope of what they grant (one object, GET only, for a capped time).
 */
class S3PresignedContentTest {
  private static final RouteContext CTX = RouteContext.of("acme", "crm", "users");
  private static EmbeddedServers servers;
  private final HttpClient http = HttpClient.newHttpClient();
  private Udm udm;
  private ItemOps ops;
  private final byte[] avatar = new byte[4096];

  @BeforeAll
  static void start() {
    servers = EmbeddedServers.transientPairs(1);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  @BeforeEach
  void open() {
    UdmConfig config = UdmConfig.builder()
        .putCollectionMaps("users", CollectionMap.builder()
            .putBase64Props("avatar", Base64Prop.builder().contentType("image/png").build()).build())
        .limits(LimitsConfig.builder().maxPresignTtlSeconds(60).build())
        .build();
    udm = Udms.create(servers.configFor(config, "p-" + UUID.randomUUID().toString().substring(0, 8)),
        ConnectOptions.defaults().withCreateBucketsIfMissing(true));
    ops = udm.with(CTX);
    new Random(42).nextBytes(avatar);
  }

  @AfterEach
  void close() {
    udm.close();
  }

  private URI presigned(String id, Duration ttl) {
    return ops.getLatest(id, ReadOptions.builder().presignTtl(ttl).build()).orElseThrow()
        .content().get("avatar").url().orElseThrow();
  }

  private HttpResponse<byte[]> send(String method, URI url) throws Exception {
    HttpRequest.BodyPublisher body = method.equals("PUT")
        ? HttpRequest.BodyPublishers.ofByteArray(new byte[] {1}) : HttpRequest.BodyPublishers.noBody();
    return http.send(HttpRequest.newBuilder(url).method(method, body).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theUrlServesTheExactBytesWithGetAndNothingElse() throws Exception {
    String id = ops.create(Map.of("avatar", Base64.getEncoder().encodeToString(avatar))).id();
    URI url = presigned(id, Duration.ofMinutes(1));

    HttpResponse<byte[]> get = send("GET", url);
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(avatar);

    assertThat(send("PUT", url).statusCode()).isEqualTo(403);
    assertThat(send("DELETE", url).statusCode()).isEqualTo(403);
    assertThat(send("GET", url).body()).isEqualTo(avatar);
    assertThat(url.getPath()).endsWith("/t/acme/crm/users/" + id + "/c/"
        + ops.getLatest(id).orElseThrow().content().get("avatar").sha256());
  }

  @Test
  void theUrlCannotBeTurnedToAnotherKey() throws Exception {
    String mine = ops.create(Map.of("avatar", Base64.getEncoder().encodeToString(avatar))).id();
    String other = ops.create(Map.of("avatar", Base64.getEncoder().encodeToString(new byte[] {9, 9}))).id();
    URI url = presigned(mine, Duration.ofMinutes(1));

    URI tampered = URI.create(url.toString().replace("/" + mine + "/", "/" + other + "/"));

    assertThat(send("GET", tampered).statusCode()).isEqualTo(403);
  }

  @Test
  void aLongerTtlIsCutToTheConfiguredMaximum() {
    String id = ops.create(Map.of("avatar", Base64.getEncoder().encodeToString(avatar))).id();

    assertThat(presigned(id, Duration.ofDays(1)).getQuery()).contains("X-Amz-Expires=60");
    assertThat(presigned(id, Duration.ofSeconds(30)).getQuery()).contains("X-Amz-Expires=30");
  }

  @Test
  void anExpiredUrlIsRefused() throws Exception {
    String id = ops.create(Map.of("avatar", Base64.getEncoder().encodeToString(avatar))).id();
    URI url = presigned(id, Duration.ofSeconds(1));

    Thread.sleep(2_100);

    assertThat(send("GET", url).statusCode()).isEqualTo(403);
  }
}
