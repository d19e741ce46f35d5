package io.udm.api.config;

import static io.udm.api.config.TestConfigs.apiExample;
import static io.udm.api.config.TestConfigs.load;
import static io.udm.api.config.TestConfigs.rejection;
import static io.udm.api.config.TestConfigs.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code limits.gcMinGraceSeconds}: the floor under garbage collection's grace period. */
class GcGraceConfigTest {
  @TempDir Path dir;

  @Test
  void theFloorDefaultsToAnHour() {
    assertThat(UdmConfig.builder().build().limits().gcMinGraceSeconds()).isEqualTo(3600);
    assertThat(load(dir, apiExample()).limits().gcMinGraceSeconds()).isEqualTo(3600);
  }

  @Test
  void theFloorIsBoundFromAFile() {
    ObjectNode tree = with(apiExample(), "/limits", "{\"gcMinGraceSeconds\": 600}");

    assertThat(load(dir, tree).limits().gcMinGraceSeconds()).isEqualTo(600);
  }

  @Test
  void aFloorUnderAMinuteIsRejectedWithTheReason() {
    ObjectNode tree = with(apiExample(), "/limits", "{\"gcMinGraceSeconds\": 5, \"maxNestingDepth\": 1}");

    assertThat(rejection(() -> load(dir, tree)).problems()).containsExactly(
        "limits.maxNestingDepth: is 1; use 2 to 1000",
        "limits.gcMinGraceSeconds: is 5; use 60 or more, so that garbage collection never races a write in flight");
  }

  @Test
  void theBuilderIsValidatedToo() {
    assertThat(rejection(() -> UdmConfig.builder()
        .limits(LimitsConfig.builder().gcMinGraceSeconds(0).build()).build()).problems())
        .containsExactly(
            "limits.gcMinGraceSeconds: is 0; use 60 or more, so that garbage collection never races a write in flight");
  }

  @Test
  void aTypoInTheNameGetsASuggestion() {
    ObjectNode tree = with(apiExample(), "/limits", "{\"gcMinGraceSecond\": 600}");

    assertThat(rejection(() -> load(dir, tree)).problems()).containsExactly(
        "limits.gcMinGraceSecond: unknown field; did you mean 'gcMinGraceSeconds'?");
  }
}
