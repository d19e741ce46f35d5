package io.udm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.json.JsonValues;
import io.udm.embedded.EmbeddedServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code udm changes --follow} in one process prints, as NDJSON, a change another process makes.
 * Local mode holds its data directory for one process at a time, so both processes use the same
 * configured servers (MongoDB and S3 running in this test's JVM).
 */
class CliChangesProcessTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  private Process udm(Path out, String... args) throws Exception {
    List<String> command = CliProcessTest.udmCommand(args);
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(dir.resolve(out.getFileName() + ".err").toFile()).start();
    process.getOutputStream().close();
    return process;
  }

  @Test
  void followingPrintsAChangeAnotherProcessMakes() throws Exception {
    try (EmbeddedServers servers = EmbeddedServers.transientPairs(1)) {
      var c = servers.spacesConn(0, "cli-feed");
      Path config = dir.resolve("udm.json");
      Files.writeString(config, "{\"mongoUris\": [\"" + servers.mongoUri(0) + "\"], \"spacesConns\": [{\"endpoint\": \""
          + c.endpoint() + "\", \"region\": \"" + c.region() + "\", \"accessKey\": \"" + c.accessKey()
          + "\", \"secretKey\": \"" + c.secretKey() + "\", \"backupsBucket\": \"" + c.backupsBucket()
          + "\", \"jsonBucket\": \"" + c.jsonBucket() + "\", \"contentBucket\": \"" + c.contentBucket()
          + "\", \"forcePathStyle\": true}]}");
      Path followed = dir.resolve("follow.ndjson");
      Process follower = udm(followed, "--config", config.toString(), "--create-buckets", "changes",
          "-c", "acme/crm/users", "--follow", "--json", "--data", "--poll-ms", "100");
      try {
        Path put = dir.resolve("put.txt");
        Process writer = udm(put, "--config", config.toString(), "--create-buckets", "put", "-c", "acme/crm/users",
            "{\"email\": \"a@x.io\"}");
        assertThat(writer.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(writer.exitValue()).as(Files.readString(dir.resolve("put.txt.err"))).isZero();
        String id = Files.readString(put, StandardCharsets.UTF_8).strip();

        Instant deadline = Instant.now().plus(WAIT);
        List<String> lines = List.of();
        while (Instant.now().isBefore(deadline) && lines.isEmpty()) {
          lines = Files.readAllLines(followed).stream().filter(l -> !l.isBlank()).toList();
          Thread.sleep(50);
        }
        assertThat(lines).as("what the follower printed within %s", WAIT).hasSize(1);
        JsonNode change = JsonValues.mapper().readTree(lines.get(0));
        assertThat(change.path("id").asText()).isEqualTo(id);
        assertThat(change.path("op").asText()).isEqualTo("CREATE");
        assertThat(change.path("data").path("email").asText()).isEqualTo("a@x.io");
        assertThat(follower.isAlive()).as("--follow keeps following").isTrue();
      } finally {
        follower.destroy();
        follower.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
