package io.udm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.ConnectOptions;
import io.udm.bootstrap.Udms;
import io.udm.embedded.EmbeddedServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canary secret in every credential of a config (S3 keys, a Mongo password) appears 0 times in
 * toString(), exceptions, health and backend reports, log output and CLI output, including when a
 * backend fails to connect.
 */
class CliSecretCanaryTest {
  private static final String CANARY = "CANARY-7f3e9d1c";

  @TempDir
  Path dir;

  @Test
  void theCanaryNeverShows() throws Exception {
    StringBuilder seen = new StringBuilder();
    int places = 0;
    Logger root = Logger.getLogger("");
    StringBuilder logs = new StringBuilder();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logs.append(record.getLevel()).append(' ').append(record.getMessage());
        if (record.getParameters() != null) {
          for (Object p : record.getParameters()) {
            logs.append(' ').append(p);
          }
        }
        if (record.getThrown() != null) {
          logs.append(' ').append(record.getThrown());
        }
        logs.append('\n');
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(Level.ALL);
    root.addHandler(capture);
    PrintStream originalErr = System.err;
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    try (EmbeddedServers servers = EmbeddedServers.transientPairs(2)) {
      UdmConfig reachable = servers.configFor(UdmConfig.builder().build(), "canary");
      // The embedded S3 accepts its own keys only, so the canary rides in a config whose pair 1 is unreachable.
      UdmConfig withCanary = UdmConfig.builder().from(reachable)
          .mongoUris(java.util.List.of(reachable.mongoUris().get(0),
              "mongodb://udm:" + CANARY + "@127.0.0.1:1/?connectTimeoutMS=500&serverSelectionTimeoutMS=500"))
          .spacesConns(java.util.List.of(reachable.spacesConns().get(0),
              io.udm.api.config.SpacesConn.builder().from(reachable.spacesConns().get(1))
                  .accessKey(CANARY).secretKey(CANARY).build()))
          .build();
      seen.append(withCanary).append('\n');
      withCanary.spacesConns().forEach(c -> seen.append(c).append('\n'));
      places += 3;

      Throwable failure = catchThrowable(() -> Udms.create(withCanary,
          ConnectOptions.defaults().withCreateBucketsIfMissing(true).withConnectTimeout(Duration.ofMillis(500))));
      assertThat(failure).isNotNull();
      assertThat(failure.getMessage()).as("the failure names the unreachable backend, redacted").contains("***");
      for (Throwable t = failure; t != null; t = t.getCause()) {
        seen.append(t).append('\n');
        for (Throwable s : t.getSuppressed()) {
          seen.append(s).append('\n');
        }
      }
      places++;

      try (Udm udm = Udms.create(reachable, ConnectOptions.defaults().withCreateBucketsIfMissing(true))) {
        seen.append(udm.admin().health()).append(udm.admin().listBackends()).append('\n');
        servers.stopPair(1);
        seen.append(udm.admin().health()).append('\n');
        places += 2;
      }

      Path config = dir.resolve("udm.yaml");
      Files.writeString(config, """
          mongoUris: ["mongodb://udm:%s@127.0.0.1:1/?connectTimeoutMS=300&serverSelectionTimeoutMS=300"]
          spacesConns:
            - endpoint: "http://127.0.0.1:1"
              region: us-east-1
              accessKey: "%s"
              secretKey: "%s"
              jsonBucket: j-bucket
              contentBucket: c-bucket
              backupsBucket: b-bucket
          """.formatted(CANARY, CANARY, CANARY));
      for (String[] args : new String[][] {
          {"--config", config.toString(), "health"},
          {"--config", config.toString(), "get", "-c", "t/d/c", "some-id"},
          {"--config", config.toString(), "put", "-c", "t/d/c", "{\"a\":1}"}}) {
        Cli.Result r = Cli.run(args);
        seen.append(r.out()).append(r.err()).append('\n');
        assertThat(r.code()).as(r.toString()).isNotZero();
        places++;
      }
      Files.writeString(config, "mongoUris: [\"mongodb://u:" + CANARY + "@h:1\"]\nspacesConns: []\nbogus: 1\n");
      Cli.Result invalid = Cli.run("--config", config.toString(), "health");
      seen.append(invalid.out()).append(invalid.err());
      assertThat(invalid.code()).isEqualTo(2);
      places++;
    } finally {
      System.setErr(originalErr);
      root.removeHandler(capture);
    }
    seen.append(logs).append(stderr.toString(StandardCharsets.UTF_8));
    places += 2;

    assertThat(seen.toString()).doesNotContain(CANARY);
    assertThat(seen.toString()).contains("***");
    System.out.println("[security] secret canary: 0 occurrences in " + places + " places ("
        + seen.length() + " characters of toString, errors, health, CLI output and logs)");
  }
}
