package io.udm.domain.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.RestoreTarget;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A rerun finds the items an interrupted restore already wrote by these request ids, so their
 * exact value must never change; the expected value was computed outside Java.
 */
class RestoreCheckpointRequestIdTest {
  @Test
  void anItemRequestIdIsTheSha256OfRunIdAndObjectId() {
    RestoreCheckpoint checkpoint =
        RestoreCheckpoint.start("run-1", RestoreTarget.collectionVersion(3), Optional.empty(), Instant.EPOCH);

    // printf 'run-1\0x' | sha256sum
    assertThat(checkpoint.itemRequestId("x"))
        .isEqualTo("restore-4190eda50b7df5d2be1caaa30b607666c2c48d319bef2b018078af4618aaaf9a");
  }
}
