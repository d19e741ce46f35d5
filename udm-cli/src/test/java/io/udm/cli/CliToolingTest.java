package io.udm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a command line tool is expected to have: its version, shell completion, NO_COLOR, a config check. */
class CliToolingTest {
  @TempDir
  Path dir;

  @Test
  void versionIsTheBuildsVersion() throws Exception {
    Cli.Result r = Cli.run("--version");

    assertThat(r.code()).isZero();
    String built = new String(Files.readAllBytes(Path.of("target", "classes", "io", "udm", "cli",
        "udm-version.properties"))).trim().replace("version=", "");
    assertThat(built).doesNotContain("${").isNotBlank();
    assertThat(r.out()).startsWith("udm " + built).contains("Java ");
  }

  @Test
  void bashCompletionCoversTheCommandsAndTheirOptions() throws Exception {
    Cli.Result r = Cli.run("completion", "bash");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("complete -F").contains("rebalance").contains("--expected-ov").contains("serve");
    Cli.Result zsh = Cli.run("completion", "fish");
    assertThat(zsh.code()).isEqualTo(UdmCli.INVALID);
    assertThat(zsh.err()).contains("bash");
  }

  @Test
  void noColorTurnsColoursOffWhateverItsValue() {
    assertThat(UdmCli.ansi(Map.of("NO_COLOR", "1"))).isEqualTo(CommandLine.Help.Ansi.OFF);
    assertThat(UdmCli.ansi(Map.of("NO_COLOR", "yes"))).isEqualTo(CommandLine.Help.Ansi.OFF);
    assertThat(UdmCli.ansi(Map.of())).isEqualTo(CommandLine.Help.Ansi.AUTO);
    assertThat(UdmCli.ansi(Map.of("NO_COLOR", ""))).as("no-color.org: set and not empty").isEqualTo(CommandLine.Help.Ansi.AUTO);
  }

  @Test
  void configCheckPrintsTheEffectiveConfigRedactedAndEveryProblemOfABadOne() throws Exception {
    Path good = dir.resolve("udm.yaml");
    Files.writeString(good, String.join("\n",
        "mongoUris: [\"mongodb://admin:Sup3rSecret@db.example:27017\"]",
        "spacesConns:",
        "  - {endpoint: \"http://s3.example:9000\", region: us-east-1, accessKey: AKIAVISIBLE, secretKey: TopSecretKey123,",
        "     backupsBucket: udm-backups, jsonBucket: udm-json, contentBucket: udm-content}",
        "routing: {drain: []}",
        ""));

    Cli.Result ok = Cli.run("config", "check", good.toString());

    assertThat(ok.code()).as(ok.toString()).isZero();
    assertThat(ok.out()).contains("valid").contains("db.example").contains("cleanupGraceSeconds=86400")
        .doesNotContain("Sup3rSecret").doesNotContain("TopSecretKey123");

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "mongoUris: [\"mongodb://x:1\"]\nrebalance: {cleanupGraceSeconds: -1}\nroutin: {}\n");
    Cli.Result refused = Cli.run("config", "check", bad.toString());
    assertThat(refused.code()).isEqualTo(UdmCli.INVALID);
    assertThat(refused.err()).contains("cleanupGraceSeconds").contains("routin");
  }
}
