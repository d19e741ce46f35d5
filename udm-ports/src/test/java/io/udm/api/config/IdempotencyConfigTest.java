package io.udm.api.config;

import static io.udm.api.config.TestConfigs.apiExample;
import static io.udm.api.config.TestConfigs.load;
import static io.udm.api.config.TestConfigs.rejection;
import static io.udm.api.config.TestConfigs.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code idempotency.retainRequestIdsDays}: how long a pruned version's request id still answers. */
class IdempotencyConfigTest {
  @TempDir Path dir;

  @Test
  void requestIdsAreRememberedForThirtyDaysByDefaultAndAsConfigured() {
    assertThat(UdmConfig.builder().build().idempotency().retainRequestIdsDays()).isEqualTo(30);
    assertThat(load(dir, with(apiExample(), "/idempotency", "{\"retainRequestIdsDays\": 7}"))
        .idempotency().retainRequestIdsDays()).isEqualTo(7);
  }

  @Test
  void aNegativeNumberOfDaysAndUnknownFieldsAreRejected() {
    assertThat(rejection(() -> load(dir, with(apiExample(), "/idempotency", "{\"retainRequestIdsDays\": -1}")))
        .problems()).containsExactly("idempotency.retainRequestIdsDays: is -1; use 0 or more");
    assertThat(rejection(() -> load(dir, with(apiExample(), "/idempotency", "{\"days\": 3}"))).problems())
        .hasSize(1).allMatch(p -> p.startsWith("idempotency.days: unknown field"));
  }
}
