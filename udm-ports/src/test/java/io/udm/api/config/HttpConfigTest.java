package io.udm.api.config;

import static io.udm.api.config.TestConfigs.apiExample;
import static io.udm.api.config.TestConfigs.load;
import static io.udm.api.config.TestConfigs.rejection;
import static io.udm.api.config.TestConfigs.with;
import static io.udm.api.config.TestConfigs.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code http}: the HTTP service's address, limits and API keys, bound and checked like every section. */
class HttpConfigTest {
  private static final String KEY = "k-0123456789abcdef";

  @TempDir Path dir;

  @Test
  void defaultsAreLoopbackPort8080SixteenMebibytesAndNoKeys() {
    HttpConfig http = UdmConfig.builder().build().http();

    assertThat(http.bind()).isEqualTo("127.0.0.1");
    assertThat(http.port()).isEqualTo(8080);
    assertThat(http.maxBodyBytes()).isEqualTo(16_777_216L);
    assertThat(http.apiKeys()).isEmpty();
    assertThat(http.threads()).isEqualTo(16);
    assertThat(http.stopTimeoutMs()).isEqualTo(10_000);
    assertThat(http.headerTimeoutMs()).isEqualTo(10_000);
    assertThat(http.readTimeoutMs()).isEqualTo(30_000);
    assertThat(http.tls()).isEmpty();
    assertThat(http.allowPlaintext()).isFalse();
  }

  @Test
  void theApiMdExampleLoadsWithTheKeyReadFromTheEnvironment() {
    Path file = write(dir, "udm.yaml", """
        http:
          bind: 0.0.0.0
          port: 9090
          maxBodyBytes: 1048576
          apiKeys:
            - {name: svc-a, key: "${UDM_KEY_A}", tenants: [acme], admin: false}
            - {name: ops, key: "${UDM_KEY_OPS}", tenants: [], admin: true}
        """);

    HttpConfig http = UdmConfig.load(file, Map.of("UDM_KEY_A", KEY, "UDM_KEY_OPS", KEY + "-ops")::get).http();

    assertThat(http.bind()).isEqualTo("0.0.0.0");
    assertThat(http.port()).isEqualTo(9090);
    assertThat(http.maxBodyBytes()).isEqualTo(1_048_576L);
    assertThat(http.apiKeys()).extracting(ApiKey::name).containsExactly("svc-a", "ops");
    assertThat(http.apiKeys().get(0).key()).isEqualTo(KEY);
    assertThat(http.apiKeys().get(0).tenants()).containsExactly("acme");
    assertThat(http.apiKeys().get(1).admin()).isTrue();
  }

  @Test
  void everyProblemIsReportedAtItsPath() {
    ObjectNode tree = with(apiExample(), "/http", """
        {"port": 70000, "maxBodyBytes": 10, "threads": 0, "stopTimeoutMs": -1, "bind": " ",
         "headerTimeoutMs": 50, "readTimeoutMs": 3600001, "tls": {"keyStore": " ", "keyStorePassword": "p"},
         "apiKeys": [{"name": "a", "key": "short", "tenants": ["acme"]},
                     {"name": "a", "key": "k-0123456789abcdef", "tenants": ["../x"]},
                     {"name": "b", "key": "k-0123456789abcdef", "tenants": []}]}""");

    assertThat(rejection(() -> load(dir, tree)).problems()).containsExactlyInAnyOrder(
        "http.bind: must not be blank; use an address to listen on, e.g. 127.0.0.1 (loopback) or 0.0.0.0",
        "http.port: is 70000; use 1 to 65535, or 0 for any free port",
        "http.maxBodyBytes: is 10; use 1024 or more",
        "http.threads: is 0; use 1 to 1024",
        "http.stopTimeoutMs: is -1; use 0 or more",
        "http.headerTimeoutMs: is 50; use 100 to 3600000 (milliseconds)",
        "http.readTimeoutMs: is 3600001; use 100 to 3600000 (milliseconds)",
        "http.tls.keyStore: must not be blank; give the path of a PKCS#12 key store (.p12)",
        "http.apiKeys[0].key: is shorter than 16 characters; use a long random token (e.g. openssl rand -hex 32),"
            + " written as ${ENV_VAR}",
        "http.apiKeys[1].name: 'a' names two keys; give each key its own name",
        "http.apiKeys[1].tenants[0]: tenantId '../x' is invalid: use 1-64 of A-Z a-z 0-9 . _ -, starting with a"
            + " letter or digit, without '..'",
        "http.apiKeys[2].key: is the same as another key's; give each caller its own key",
        "http.apiKeys[2].tenants: is empty, so the key reaches nothing; list its tenants, or set admin: true");
  }

  @Test
  void unknownFieldsAndMissingKeysAreRejected() {
    ObjectNode tree = with(apiExample(), "/http", "{\"prot\": 1, \"apiKeys\": [{\"name\": \"a\", \"tenants\": [\"x\"]}],"
        + " \"tls\": {\"keyStore\": \"s.p12\"}}");

    assertThat(rejection(() -> load(dir, tree)).problems()).containsExactly(
        "http.apiKeys[0].key: required",
        "http.tls.keyStorePassword: required",
        "http.prot: unknown field; did you mean 'port'?");
  }

  @Test
  void noProblemMessageAndNoToStringShowsAKey() {
    String secret = "s3cr3t-canary-value-0123";
    UdmConfig config = UdmConfig.builder().http(HttpConfig.builder()
        .addApiKeys(ApiKey.builder().name("svc-a").key(secret).addTenants("acme").build()).build()).build();
    ObjectNode duplicated = with(apiExample(), "/http", "{\"apiKeys\": [{\"name\": \"a\", \"key\": \"" + secret
        + "\", \"tenants\": [\"t\"]}, {\"name\": \"b\", \"key\": \"" + secret + "\", \"tenants\": [\"t\"]}]}");

    assertThat(config.toString()).contains("svc-a").doesNotContain(secret);
    assertThat(config.http().toString()).doesNotContain(secret);
    assertThat(config.http().apiKeys().get(0).toString()).contains("key=***").doesNotContain(secret);
    assertThat(rejection(() -> load(dir, duplicated)).problems()).hasSize(1)
        .allSatisfy(p -> assertThat(p).doesNotContain(secret));
  }
}
