package io.udm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.json.JsonValues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local mode keeps data across processes: put in one JVM, get and history in the next ones. */
class CliProcessTest {
  /** Generous: only a guard against a hung child on a loaded machine, not a performance check. */
  private static final long GUARD_MINUTES = 5;

  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  private Run udm(String... args) throws Exception {
    return udm(Map.of(), args);
  }

  /** {@code udm ARGS} with {@code env} added to the environment. */
  private Run udm(Map<String, String> env, String... args) throws Exception {
    List<String> command = udmCommand(args);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    Process process = builder
        .directory(dir.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    process.getOutputStream().close();
    if (!process.waitFor(GUARD_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("udm " + String.join(" ", args) + " did not finish");
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** {@code udm ARGS} in a new JVM on this test's classpath. */
  static List<String> udmCommand(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(UdmCli.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  @Test
  void putInOneProcessIsReadInTheNext() throws Exception {
    Run put = udm("put", "-c", "acme/crm/users", "{\"email\":\"a@x.io\"}", "--actor", "alice");
    assertThat(put.code()).as(put.toString()).isZero();
    // stdout is a file, not a terminal: the id alone, as id=$(udm put ...) needs it.
    assertThat(put.out()).matches("\\S+\\R");
    String id = put.out().strip();
    assertThat(dir.resolve("udm-data")).isDirectory();

    Run get = udm("get", "-c", "acme/crm/users", id, "--json");
    assertThat(get.code()).as(get.toString()).isZero();
    JsonNode item = JsonValues.mapper().readTree(get.out());
    assertThat(item.path("data").path("email").asText()).isEqualTo("a@x.io");

    Run history = udm("history", "-c", "acme/crm/users", id);
    assertThat(history.code()).as(history.toString()).isZero();
    assertThat(history.out()).contains("CREATE").contains("alice");
    // The CLI's logging settings keep the embedded servers quiet.
    assertThat(history.err()).isEmpty();
  }

  @Test
  void logRecordsStayOffTheTerminalUnlessVerbose() throws Exception {
    assertThat(udm("put", "-c", "acme/crm/users", "{\"a\":1}").code()).isZero();
    assertThat(udm("put", "-c", "acme/crm/users", "{\"a\":2}").code()).isZero();

    // The library logs a summary of a collection restore; the embedded server warns about indexes.
    Run quiet = udm(Map.of("UDM_LOG_LEVEL", "WARN"), "restore", "-c", "acme/crm/users", "--all", "--cv", "1",
        "--confirm", "-q");
    assertThat(quiet.code()).as(quiet.toString()).isZero();
    assertThat(quiet.err()).as("stderr without -v").isEmpty();

    Run verbose = udm("restore", "-c", "acme/crm/users", "--all", "--cv", "1", "--confirm", "-q", "-v");
    assertThat(verbose.code()).as(verbose.toString()).isZero();
    assertThat(verbose.err()).as("stderr with -v")
        .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  "
            + "io\\.udm\\.app\\.history\\.CollectionRestore - restored acme/crm/users")
        .doesNotContain("secondary index")
        .doesNotContainPattern("(?m)^INFO: ");
  }
}
