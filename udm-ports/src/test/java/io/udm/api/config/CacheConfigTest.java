package io.udm.api.config;

import static io.udm.api.config.TestConfigs.apiExample;
import static io.udm.api.config.TestConfigs.load;
import static io.udm.api.config.TestConfigs.rejection;
import static io.udm.api.config.TestConfigs.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cache.maxBytes}: the payload cache's bound, 64 MiB by default, 0 turns it off. */
class CacheConfigTest {
  @TempDir Path dir;

  @Test
  void theCacheHoldsSixtyFourMebibytesByDefaultAndAsConfigured() {
    assertThat(UdmConfig.builder().build().cache().maxBytes()).isEqualTo(67_108_864L);
    assertThat(load(dir, with(apiExample(), "/cache", "{\"maxBytes\": 0}")).cache().maxBytes()).isZero();
    assertThat(load(dir, with(apiExample(), "/cache", "{\"maxBytes\": 1048576}")).cache().maxBytes())
        .isEqualTo(1_048_576L);
  }

  @Test
  void aNegativeBoundAndUnknownFieldsAreRejected() {
    assertThat(rejection(() -> load(dir, with(apiExample(), "/cache", "{\"maxBytes\": -1}"))).problems())
        .containsExactly("cache.maxBytes: is -1; use 0 or more, where 0 turns the payload cache off");
    assertThat(rejection(() -> load(dir, with(apiExample(), "/cache", "{\"size\": 3}"))).problems())
        .hasSize(1).allMatch(p -> p.startsWith("cache.size: unknown field"));
  }
}
