package io.udm.app.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cache's own guarantees, at the exact interleavings that matter. */
class PayloadCacheTest {
  private static final byte[] BYTES = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

  @Test
  void aLoadThatRacedADeleteDoesNotPutTheDeletedBytesBack() {
    PayloadCache cache = new PayloadCache(1 << 20);

    // The load read the store before the delete and finishes after it.
    Optional<byte[]> raced = cache.get("k", () -> {
      cache.evict(List.of("k"), () -> null);
      return Optional.of(BYTES);
    });

    assertThat(raced).contains(BYTES);
    assertThat(cache.get("k", Optional::empty)).isEmpty();
  }

  @Test
  void aWriteThatRacedADeleteIsNotRemembered() {
    PayloadCache cache = new PayloadCache(1 << 20);
    long before = cache.removalCount();
    cache.evict(List.of("k"), () -> null);

    cache.remember("k", BYTES, before);

    assertThat(cache.get("k", Optional::empty)).isEmpty();
  }

  @Test
  void theCacheIsBoundedByBytes() {
    int entry = PayloadCache.weight("k0", new byte[1000]);
    PayloadCache cache = new PayloadCache(10L * entry);
    for (int i = 0; i < 100; i++) {
      cache.remember("k" + i, new byte[1000], cache.removalCount());
    }

    cache.get("k0", Optional::empty);
    assertThat(cache.weightedSize()).isLessThanOrEqualTo(10L * entry);
  }

  @Test
  void zeroBytesTurnsItOff() {
    PayloadCache cache = new PayloadCache(0);
    cache.remember("k", BYTES, cache.removalCount());

    assertThat(cache.enabled()).isFalse();
    assertThat(cache.get("k", Optional::empty)).isEmpty();
    assertThat(cache.hits()).isZero();
  }
}
