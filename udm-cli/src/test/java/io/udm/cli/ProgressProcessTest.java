package io.udm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.api.json.JsonValues;
import io.udm.bootstrap.ConnectOptions;
import io.udm.bootstrap.Udms;
import io.udm.embedded.EmbeddedServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress of a long command, seen from outside: a bar on a terminal (a pseudo-terminal made by
 * {@code script}), plain lines on a pipe, nothing with {@code -q}; stdout holds the JSON result
 * alone in every mode. The CLI runs in its own JVM against servers in this one.
 */
class ProgressProcessTest {
  private static final int ITEMS = 30;
  private static EmbeddedServers servers;
  private static Path config;

  @TempDir
  static Path dir;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void itemsToVerify() throws Exception {
    servers = EmbeddedServers.transientPairs(1);
    UdmConfig backends = servers.configFor(UdmConfig.builder().build(), "progress");
    try (Udm udm = Udms.create(backends, ConnectOptions.defaults().withCreateBucketsIfMissing(true))) {
      var users = udm.with(RouteContext.of("acme", "crm", "users"));
      for (int i = 0; i < ITEMS; i++) {
        users.create(Map.of("n", i));
      }
    }
    config = Files.writeString(dir.resolve("udm.json"), BackendConfigFile.of(backends).toString());
  }

  @AfterAll
  static void stopServers() {
    servers.close();
  }

  @Test
  void aPipeGetsOnePlainLinePerNItemsAndStdoutStaysJson() throws Exception {
    Run run = run(CliProcessTest.udmCommand("--config", config.toString(), "--progress-every", "10",
        "verify", "-c", "acme/crm/users", "--json"));

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(resultOf(run.out()).path("itemsChecked").asInt()).isEqualTo(ITEMS);
    List<String> lines = progressLines(run.err());
    assertThat(lines).as(run.err()).hasSize(ITEMS / 10 + 1);
    assertThat(lines.get(0)).startsWith("verify: 10 items (");
    assertThat(lines.get(lines.size() - 1)).startsWith("verify: " + ITEMS + " items in ");
    assertThat(run.err()).doesNotContain("\r");
  }

  @Test
  void quietShowsNoProgress() throws Exception {
    Run run = run(CliProcessTest.udmCommand("--config", config.toString(), "-q", "--progress-every", "10",
        "verify", "-c", "acme/crm/users", "--json"));

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(resultOf(run.out()).path("itemsChecked").asInt()).isEqualTo(ITEMS);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aTerminalGetsABar() throws Exception {
    Path script = Path.of("/usr/bin/script");
    assumeTrue(Files.isExecutable(script), "needs util-linux script to make a pseudo-terminal");
    Path out = dir.resolve("bar-out.json");
    // stderr is the pseudo-terminal; stdout goes to a file, to check it carries the result alone.
    String command = CliProcessTest.udmCommand("--config", config.toString(), "verify", "-c", "acme/crm/users",
        "--json").stream().map(ProgressProcessTest::quoted).collect(Collectors.joining(" "))
        + " > " + quoted(out.toString());
    Run run = run(List.of(script.toString(), "-q", "-e", "-c", command, "/dev/null"));

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(resultOf(Files.readString(out))).isNotNull();
    // The library redraws the bar in place with carriage returns: task, count of an unknown total, rate.
    assertThat(run.out()).contains("\r").contains("verify").contains(ITEMS + "/? items").contains("items/s");
    assertThat(progressLines(run.out())).noneMatch(l -> l.startsWith("verify: "));
  }

  private static JsonNode resultOf(String stdout) throws Exception {
    JsonNode node = JsonValues.mapper().readTree(stdout);
    assertThat(node.isObject()).as("stdout is one JSON document: " + stdout).isTrue();
    return node;
  }

  private static List<String> progressLines(String err) {
    return err.lines().filter(l -> !l.isBlank() && !l.startsWith("verifying ")).toList();
  }

  private static String quoted(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  private static Run run(List<String> command) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    process.getOutputStream().close();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
