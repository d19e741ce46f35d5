package io.udm.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.spi.BlobArea;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The in-memory store's presigned URLs behave like S3's: exact bytes, GET of one key, until expiry. */
class InMemoryPresignTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final InMemoryBlobAdapter blobs = new InMemoryBlobAdapter(new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  });

  @Test
  void aPresignedUrlServesTheExactBytes() {
    byte[] bytes = {0, 1, 2, (byte) 0xff};
    blobs.put(BlobArea.CONTENT, "t/a/d/c/o/c/ab", bytes, "image/png");

    URI url = blobs.presignGet(BlobArea.CONTENT, "t/a/d/c/o/c/ab", Duration.ofMinutes(5)).orElseThrow();

    assertThat(InMemoryBlobAdapter.fetch(url)).contains(bytes);
  }

  @Test
  void anExpiredUrlIsRefused() {
    blobs.put(BlobArea.CONTENT, "k", new byte[] {1}, "image/png");
    URI url = blobs.presignGet(BlobArea.CONTENT, "k", Duration.ofSeconds(30)).orElseThrow();

    now.set(T0.plusSeconds(29));
    assertThat(InMemoryBlobAdapter.fetch(url)).isPresent();
    now.set(T0.plusSeconds(30));
    assertThatThrownBy(() -> InMemoryBlobAdapter.fetch(url))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expired");
  }

  @Test
  void aUrlChangedToAnotherKeyOrALaterExpiryIsRefused() {
    blobs.put(BlobArea.CONTENT, "t/a/d/c/mine/c/1", new byte[] {1}, "image/png");
    blobs.put(BlobArea.CONTENT, "t/a/d/c/other/c/1", new byte[] {2}, "image/png");
    URI url = blobs.presignGet(BlobArea.CONTENT, "t/a/d/c/mine/c/1", Duration.ofSeconds(30)).orElseThrow();

    URI otherKey = URI.create(url.toString().replace("/mine/", "/other/"));
    URI otherArea = URI.create(url.toString().replace("/content/", "/json/"));
    URI later = URI.create(url.toString().replaceFirst("expires=\\d+", "expires=" + T0.plusSeconds(3600).toEpochMilli()));

    for (URI tampered : new URI[] {otherKey, otherArea, later}) {
      assertThatThrownBy(() -> InMemoryBlobAdapter.fetch(tampered))
          .as(tampered.toString()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signature");
    }
  }

  @Test
  void anotherStoresUrlResolvesInItsOwnStoreOnly() {
    InMemoryBlobAdapter other = new InMemoryBlobAdapter();
    other.put(BlobArea.CONTENT, "k", new byte[] {7}, "image/png");
    blobs.put(BlobArea.CONTENT, "k", new byte[] {1}, "image/png");

    URI url = other.presignGet(BlobArea.CONTENT, "k", Duration.ofMinutes(1)).orElseThrow();

    assertThat(InMemoryBlobAdapter.fetch(url)).contains(new byte[] {7});
  }

  @Test
  void aDeletedObjectResolvesToNothing() {
    blobs.put(BlobArea.CONTENT, "k", new byte[] {1}, "image/png");
    URI url = blobs.presignGet(BlobArea.CONTENT, "k", Duration.ofMinutes(1)).orElseThrow();
    blobs.delete(BlobArea.CONTENT, "k");

    assertThat(InMemoryBlobAdapter.fetch(url)).isEmpty();
  }

  @Test
  void somethingElseIsNotAPresignedUrl() {
    assertThatThrownBy(() -> InMemoryBlobAdapter.fetch(URI.create("http://127.0.0.1/k?expires=1&signature=x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
