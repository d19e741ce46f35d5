package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.adapter.memory.InMemoryBlobAdapter;
import io.udm.api.ReadOptions;
import io.udm.api.config.LimitsConfig;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How content reaches the store, on the in-memory adapters. */
class InMemoryContentStorageTest extends ContentStorageSuite {
  InMemoryContentStorageTest() {
    super(new MemoryStores("m-0"));
  }

  /**
   * Memory only: the in-memory store checks expiry against the test clock, S3Proxy against real
   * time (S3PresignedContentTest checks the cap and the expiry on S3).
   */
  @Test
  void presignedUrlsLiveNoLongerThanTheConfiguredMaximum() {
    udm.close();
    udm = open(LimitsConfig.builder().maxPresignTtlSeconds(60).build());
    String id = udm.with(ctx).create(item("v1", bytes(5, 10))).id();

    URI url = udm.with(ctx).getLatest(id, ReadOptions.builder().presignTtl(Duration.ofDays(1)).build())
        .orElseThrow().content().get("avatar").url().orElseThrow();

    clock.advance(Duration.ofSeconds(59));
    assertThat(InMemoryBlobAdapter.fetch(url)).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> InMemoryBlobAdapter.fetch(url)).hasMessageContaining("expired");
  }
}
