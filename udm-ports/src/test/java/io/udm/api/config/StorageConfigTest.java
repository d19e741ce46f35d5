package io.udm.api.config;

import static io.udm.api.config.TestConfigs.apiExample;
import static io.udm.api.config.TestConfigs.load;
import static io.udm.api.config.TestConfigs.rejection;
import static io.udm.api.config.TestConfigs.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code storage.inlineMaxBytes}: how large a payload may be to stay inside its version record. */
class StorageConfigTest {
  @TempDir Path dir;

  @Test
  void payloadsUpTo4KiBAreInlineByDefaultAndTheThresholdIsAsConfigured() {
    assertThat(UdmConfig.builder().build().storage().inlineMaxBytes()).isEqualTo(4096);
    assertThat(load(dir, with(apiExample(), "/storage", "{\"inlineMaxBytes\": 0}")).storage().inlineMaxBytes())
        .isZero();
    assertThat(load(dir, with(apiExample(), "/storage", "{\"inlineMaxBytes\": 1048576}")).storage().inlineMaxBytes())
        .isEqualTo(1_048_576);
  }

  @Test
  void aThresholdOutOfRangeAndUnknownFieldsAreRejected() {
    assertThat(rejection(() -> load(dir, with(apiExample(), "/storage", "{\"inlineMaxBytes\": -1}"))).problems())
        .containsExactly("storage.inlineMaxBytes: is -1; use 0 (every payload in object storage) up to 1048576");
    assertThat(rejection(() -> load(dir, with(apiExample(), "/storage", "{\"inlineMaxBytes\": 1048577}"))).problems())
        .containsExactly("storage.inlineMaxBytes: is 1048577; use 0 (every payload in object storage) up to 1048576");
    assertThat(rejection(() -> load(dir, with(apiExample(), "/storage", "{\"inline\": 3}"))).problems())
        .hasSize(1).allMatch(p -> p.startsWith("storage.inline: unknown field"));
  }
}
