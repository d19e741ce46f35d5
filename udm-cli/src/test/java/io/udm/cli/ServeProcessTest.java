package io.udm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.config.UdmConfig;
import io.udm.api.json.JsonValues;
import io.udm.embedded.EmbeddedServers;
import io.udm.http.HttpTestClient;
import io.udm.http.HttpTestClient.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code udm serve} as a child process, driven from this JVM over HTTP: local mode (another {@code
 * udm} command uses its servers while it runs; SIGTERM while writes are in flight loses no
 * acknowledged write) and {@code --config} against servers this test runs.
 */
class ServeProcessTest {
  private static final Pattern SERVING = Pattern.compile("serving on http://[^:]+:(\\d+)");
  private static final long GUARD_SECONDS = 180;
  private static final String KEY = "serve-config-key-0123456789";

  @TempDir
  Path dir;

  private record Started(Process process, int port, Path out, Path err) {}

  /** Starts {@code udm ARGS} (a serve) with {@code env} added, and waits for its "serving on" line. */
  private Started serve(Map<String, String> env, String... args) throws Exception {
    Path out = Files.createTempFile(dir, "serve-out", ".txt");
    Path err = Files.createTempFile(dir, "serve-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(CliProcessTest.udmCommand(args)).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
    while (System.nanoTime() < deadline) {
      Matcher m = SERVING.matcher(Files.readString(out, StandardCharsets.UTF_8));
      if (m.find()) {
        return new Started(process, Integer.parseInt(m.group(1)), out, err);
      }
      if (!process.isAlive()) {
        throw new AssertionError("udm serve exited " + process.exitValue() + ": " + Files.readString(err));
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new AssertionError("udm serve did not start: " + Files.readString(err));
  }

  private static void stop(Started s) throws Exception {
    s.process().destroy(); // SIGTERM
    if (!s.process().waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
      s.process().destroyForcibly();
      throw new AssertionError("udm serve did not stop on SIGTERM");
    }
  }

  private CliProcessTest.Run udm(String... args) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(CliProcessTest.udmCommand(args)).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("udm " + String.join(" ", args) + " did not finish");
    }
    return new CliProcessTest.Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void localServeSharesItsServersAndLosesNoAcknowledgedWriteOnSigterm() throws Exception {
    Started served = serve(Map.of(), "serve", "--port", "0");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    try {
      HttpTestClient http = new HttpTestClient(served.port());
      Answer created = http.send("POST", "/v1/t/acme/crm/users/items", "{\"email\": \"first@example.com\"}");
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      String first = created.json().get("id").asText();
      acknowledged.add(first);
      Answer metrics = http.send("GET", "/metrics", null);
      assertThat(metrics.status()).as("udm serve reports metrics").isEqualTo(200);
      assertThat(metrics.body()).contains("udm_operations_seconds_count{api=\"items\",operation=\"create\",outcome=\"success\"} 1");

      CliProcessTest.Run get = udm("get", "-c", "acme/crm/users", first, "--json");
      assertThat(get.code()).as("a command beside a running serve uses its servers: " + get).isZero();
      assertThat(JsonValues.mapper().readTree(get.out()).path("data").path("email").asText())
          .isEqualTo("first@example.com");
      // The serve answered it over HTTP: the command started no MongoDB or S3 client of its own.
      assertThat(http.send("GET", "/metrics", null).body())
          .contains("udm_operations_seconds_count{api=\"items\",operation=\"getLatest\",outcome=\"success\"} 1");

      AtomicBoolean writing = new AtomicBoolean(true);
      Thread writer = new Thread(() -> {
        for (int n = 0; writing.get(); n++) {
          try {
            Answer a = http.send("POST", "/v1/t/acme/crm/users/items", "{\"n\": " + n + "}");
            if (a.status() == 201) {
              acknowledged.add(a.json().get("id").asText());
            }
          } catch (RuntimeException connectionClosed) {
            return; // the server is gone: what it acknowledged is counted
          }
        }
      });
      writer.start();
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
      while (acknowledged.size() < 20) {
        assertThat(System.nanoTime()).as("20 writes acknowledged by the serve within a minute").isLessThan(deadline);
        Thread.sleep(10);
      }
      stop(served); // SIGTERM with writes in flight
      writing.set(false);
      writer.join();
    } finally {
      served.process().destroyForcibly();
    }
    assertThat(served.process().exitValue()).as("exit code after SIGTERM").isIn(0, 143);
    assertThat(dir.resolve("udm-data/serve.properties")).as("the advert goes with the server").doesNotExist();

    CliProcessTest.Run list = udm("list", "-c", "acme/crm/users", "--all", "--json", "-q");
    assertThat(list.code()).as(list.toString()).isZero();
    for (String id : acknowledged) {
      assertThat(list.out()).as("acknowledged id " + id).contains(id);
    }
  }

  @Test
  void serveWithConfigUsesTheConfiguredServersAndItsApiKeys() throws Exception {
    try (EmbeddedServers servers = EmbeddedServers.transientPairs(1)) {
      UdmConfig backends = servers.configFor(UdmConfig.builder().build(), "serve-config");
      ObjectNode file = BackendConfigFile.of(backends);
      file.putObject("http").put("port", 0).putArray("apiKeys").addObject().put("name", "svc")
          .put("key", "${UDM_TEST_KEY}").putArray("tenants").add("acme");
      Path config = Files.writeString(dir.resolve("udm.json"), file.toString());

      Started served = serve(Map.of("UDM_TEST_KEY", KEY), "--config", config.toString(), "--create-buckets", "serve");
      try {
        HttpTestClient http = new HttpTestClient(served.port());
        assertThat(http.send("GET", "/v1/t/acme/crm/users/items", null).status()).isEqualTo(401);
        Answer created = http.send("POST", "/v1/t/acme/crm/users/items", "{\"a\": 1}", HttpTestClient.bearer(KEY));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(http.send("GET", "/v1/t/other/crm/users/items", null, HttpTestClient.bearer(KEY)).status())
            .isEqualTo(403);
        stop(served);
        assertThat(Files.readString(served.err()) + Files.readString(served.out())).doesNotContain(KEY);
      } finally {
        served.process().destroyForcibly();
      }
    }
  }
}
