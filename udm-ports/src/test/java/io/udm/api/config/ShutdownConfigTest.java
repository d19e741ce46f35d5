package io.udm.api.config;

import static io.udm.api.config.TestConfigs.NO_ENV;
import static io.udm.api.config.TestConfigs.apiExample;
import static io.udm.api.config.TestConfigs.load;
import static io.udm.api.config.TestConfigs.rejection;
import static io.udm.api.config.TestConfigs.with;
import static io.udm.api.config.TestConfigs.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shutdown.timeoutMs}: how long {@code close()} waits for writes in flight. */
class ShutdownConfigTest {
  @TempDir Path dir;

  @Test
  void theTimeoutDefaultsToTenSeconds() {
    assertThat(UdmConfig.builder().build().shutdown().timeoutMs()).isEqualTo(10_000);
    assertThat(load(dir, apiExample()).shutdown().timeoutMs()).isEqualTo(10_000);
  }

  @Test
  void theTimeoutIsReadFromJson() {
    ObjectNode tree = with(apiExample(), "/shutdown", "{\"timeoutMs\": 2500}");

    assertThat(load(dir, tree).shutdown().timeoutMs()).isEqualTo(2500);
  }

  @Test
  void theTimeoutIsReadFromYaml() {
    Path yaml = write(dir, "udm.yaml", "shutdown:\n  timeoutMs: 30000\n");

    assertThat(UdmConfig.load(yaml, NO_ENV).shutdown().timeoutMs()).isEqualTo(30_000);
  }

  @Test
  void zeroIsAccepted() {
    ObjectNode tree = with(apiExample(), "/shutdown", "{\"timeoutMs\": 0}");

    assertThat(load(dir, tree).shutdown().timeoutMs()).isZero();
  }

  @Test
  void aNegativeTimeoutIsReportedWithItsPathAmongTheOtherProblems() {
    ObjectNode tree = with(apiExample(), "/shutdown", "{\"timeoutMs\": -1}");
    with(tree, "/limits", "{\"maxNestingDepth\": 1}");

    assertThat(rejection(() -> load(dir, tree)).problems()).containsExactly(
        "limits.maxNestingDepth: is 1; use 2 to 1000",
        "shutdown.timeoutMs: is -1; use 0 or more");
  }

  @Test
  void theBuilderIsValidatedToo() {
    assertThat(rejection(() -> UdmConfig.builder()
        .shutdown(ShutdownConfig.builder().timeoutMs(-5).build()).build()).problems())
        .containsExactly("shutdown.timeoutMs: is -5; use 0 or more");
  }

  @Test
  void anUnknownFieldUnderShutdownIsRejectedWithASuggestion() {
    ObjectNode tree = with(apiExample(), "/shutdown", "{\"timoutMs\": 5000}");

    assertThat(rejection(() -> load(dir, tree)).problems()).containsExactly(
        "shutdown.timoutMs: unknown field; did you mean 'timeoutMs'?");
  }

  @Test
  void aTimeoutThatIsNotANumberIsRejected() {
    ObjectNode tree = with(apiExample(), "/shutdown", "{\"timeoutMs\": \"10s\"}");

    assertThat(rejection(() -> load(dir, tree)).problems()).containsExactly(
        "shutdown.timeoutMs: expected a whole number, found a string");
  }

  @Test
  void theTimeoutShowsInToString() {
    UdmConfig config = UdmConfig.builder().shutdown(ShutdownConfig.builder().timeoutMs(1234).build()).build();

    assertThat(config.toString()).contains("shutdown=ShutdownConfig{timeoutMs=1234}");
  }
}
