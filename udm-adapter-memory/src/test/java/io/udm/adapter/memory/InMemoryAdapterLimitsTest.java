package io.udm.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.spi.BlobArea;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Where the in-memory adapters are stricter than the SPI states: MongoDB reads a limit of 0 as "no
 * limit" and S3 as "nothing", so a non-positive limit is refused rather than given either meaning.
 */
class InMemoryAdapterLimitsTest {

  @Test
  void aBlobListingWithoutAPositiveLimitIsRefused() {
    InMemoryBlobAdapter blobs = new InMemoryBlobAdapter();

    assertThatThrownBy(() -> blobs.list(BlobArea.JSON, "", Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyBlobKeyIsRefused() {
    InMemoryBlobAdapter blobs = new InMemoryBlobAdapter();

    assertThatThrownBy(() -> blobs.put(BlobArea.JSON, "", new byte[0], "application/json"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void leasingNoOpsIsRefused() {
    InMemoryRetryQueueAdapter queue = new InMemoryRetryQueueAdapter();

    assertThatThrownBy(() -> queue.lease(Instant.EPOCH, Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
