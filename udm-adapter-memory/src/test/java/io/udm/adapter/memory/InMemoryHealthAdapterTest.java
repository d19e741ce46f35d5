package io.udm.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.error.StorageException;
import org.junit.jupiter.api.Test;

class InMemoryHealthAdapterTest {
  private final InMemoryHealthAdapter probe = new InMemoryHealthAdapter("memory://backend-3 (mongo)");

  @Test
  void aFreshProbeAnswers() {
    assertThat(probe.isDown()).isFalse();
    assertThatCode(probe::ping).doesNotThrowAnyException();
  }

  @Test
  void aProbeSwitchedDownFailsWithATransientStorageErrorNamingTheStore() {
    probe.simulateDown("connection refused");

    assertThat(probe.isDown()).isTrue();
    assertThatThrownBy(probe::ping)
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isTransient()).isTrue())
        .hasMessage("memory://backend-3 (mongo) is down: connection refused");
  }

  @Test
  void aProbeSwitchedBackUpAnswersAgain() {
    probe.simulateDown("maintenance");
    probe.simulateUp();

    assertThatCode(probe::ping).doesNotThrowAnyException();
  }
}
