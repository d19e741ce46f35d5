package io.udm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.Udm;
import io.udm.api.config.ApiKey;
import io.udm.api.config.HttpConfig;
import io.udm.api.config.HttpTls;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import io.udm.bootstrap.Udms;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code http.tls} serves HTTPS from a PKCS#12 key store made by keytool; beyond loopback, plain
 * HTTP needs {@code allowPlaintext}, and keys need TLS; key store problems name the file, never the
 * password.
 */
class HttpTlsTest {
  private static final String PASSWORD = "store-secret-7c1f";
  private static final String KEY = "tls-test-key-0123456789abcdef";

  @TempDir
  static Path dir;
  private static Path keyStore;

  @BeforeAll
  static void makeKeyStore() throws Exception {
    keyStore = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-storetype", "PKCS12",
        "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-alias", "udm", "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-validity", "2").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  @Test
  void servesHttpsWithTheKeyStoreAndNothingInClear() throws Exception {
    UdmConfig config = UdmConfig.builder().http(HttpConfig.builder().port(0)
        .tls(HttpTls.builder().keyStore(keyStore.toString()).keyStorePassword(PASSWORD).build()).build()).build();
    try (Udm udm = Udms.inMemory(config); UdmHttpServer server = UdmHttpServer.start(udm, config)) {
      HttpClient trusting = HttpClient.newBuilder().sslContext(trusting()).connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> created = trusting.send(HttpRequest.newBuilder(
              URI.create("https://127.0.0.1:" + server.port() + "/v1/t/acme/crm/users/items"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}"))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(created.body()).contains("\"ov\":1");

      HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + server.port() + "/v1/health")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }
  }

  @Test
  void beyondLoopbackPlainHttpNeedsAllowPlaintext() {
    UdmConfig clear = beyondLoopback(false);
    try (Udm udm = Udms.inMemory(clear)) {
      assertThatThrownBy(() -> UdmHttpServer.start(udm, clear)).isInstanceOf(ValidationException.class)
          .hasMessageContaining("http.tls").hasMessageContaining("allowPlaintext");
    }
    UdmConfig proxied = beyondLoopback(true);
    try (Udm udm = Udms.inMemory(proxied); UdmHttpServer server = UdmHttpServer.start(udm, proxied)) {
      assertThat(new HttpTestClient(server.port()).send("GET", "/v1/health", null, "Authorization", "Bearer " + KEY)
          .status()).isEqualTo(200);
    }
  }

  @Test
  void keyStoreProblemsNameTheFileAndNeverThePassword() {
    assertThatThrownBy(() -> start(keyStore.toString(), "not-the-password"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("server.p12")
        .hasMessageContaining("keyStorePassword").hasMessageNotContaining("not-the-password");
    assertThatThrownBy(() -> start(dir.resolve("missing.p12").toString(), PASSWORD))
        .isInstanceOf(ValidationException.class).hasMessageContaining("missing.p12").hasMessageContaining("does not exist")
        .hasMessageNotContaining(PASSWORD);
    assertThat(HttpTls.builder().keyStore("a.p12").keyStorePassword(PASSWORD).build().toString())
        .doesNotContain(PASSWORD);
  }

  @Test
  void aConfigFileReadsARelativeKeyStoreFromItsFolderAndThePasswordFromTheEnvironment() throws IOException {
    Path file = dir.resolve("udm.json");
    Files.writeString(file, "{\"http\": {\"port\": 0, \"tls\": {\"keyStore\": \"server.p12\","
        + " \"keyStorePassword\": \"${UDM_TLS_PASSWORD}\"}, \"headerTimeoutMs\": 2000, \"readTimeoutMs\": 4000}}");
    UdmConfig config = UdmConfig.load(file, Map.of("UDM_TLS_PASSWORD", PASSWORD)::get);

    assertThat(Path.of(config.http().tls().orElseThrow().keyStore())).isEqualTo(keyStore.toAbsolutePath().normalize());
    assertThat(config.http().headerTimeoutMs()).isEqualTo(2000);
    assertThat(config.http().readTimeoutMs()).isEqualTo(4000);
    assertThat(config.toString()).doesNotContain(PASSWORD);
    try (Udm udm = Udms.inMemory(config); UdmHttpServer server = UdmHttpServer.start(udm, config)) {
      assertThat(server.port()).isPositive();
    }
  }

  private static UdmConfig beyondLoopback(boolean allowPlaintext) {
    return UdmConfig.builder().http(HttpConfig.builder().bind("0.0.0.0").port(0).allowPlaintext(allowPlaintext)
        .addApiKeys(ApiKey.builder().name("svc").key(KEY).admin(true).build()).build()).build();
  }

  private static void start(String store, String password) {
    UdmConfig config = UdmConfig.builder().http(HttpConfig.builder().port(0)
        .tls(HttpTls.builder().keyStore(store).keyStorePassword(password).build()).build()).build();
    try (Udm udm = Udms.inMemory(config)) {
      UdmHttpServer.start(udm, config).close();
    }
  }

  private static SSLContext trusting() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
