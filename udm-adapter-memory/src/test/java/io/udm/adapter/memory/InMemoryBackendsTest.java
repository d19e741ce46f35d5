package io.udm.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.udm.api.RouteContext;
import io.udm.spi.BackendPorts;
import io.udm.spi.BlobArea;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryBackendsTest {
  @Test
  void aBackendCarriesItsIndexIdAndMemoryEndpoints() {
    BackendPorts ports = InMemoryBackends.backend(2, "blue");

    assertThat(ports.index()).isEqualTo(2);
    assertThat(ports.backendId()).isEqualTo("blue");
    assertThat(ports.mongoEndpoint()).isEqualTo("memory://backend-2");
    assertThat(ports.blobEndpoint()).isEqualTo("memory://backend-2");
    assertThat(ports.heads()).isInstanceOf(InMemoryHeadAdapter.class);
    assertThat(ports.versions()).isInstanceOf(InMemoryVersionLogAdapter.class);
    assertThat(ports.sequences()).isInstanceOf(InMemorySequenceAdapter.class);
    assertThat(ports.blobs()).isInstanceOf(InMemoryBlobAdapter.class);
    assertThatCode(ports.mongoProbe()::ping).doesNotThrowAnyException();
    assertThatCode(ports.blobProbe()::ping).doesNotThrowAnyException();
  }

  @Test
  void eachBackendHasStoresOfItsOwn() {
    RouteContext collection = RouteContext.of("t1", "db", "users");
    BackendPorts first = InMemoryBackends.backend(0, "a");
    BackendPorts second = InMemoryBackends.backend(1, "b");

    first.sequences().next(collection);
    first.blobs().put(BlobArea.JSON, "k", new byte[] {1}, "application/json");

    assertThat(second.sequences().current(collection)).isZero();
    assertThat(second.blobs().get(BlobArea.JSON, "k")).isEmpty();
  }

  @Test
  void theProbesOfOneBackendSwitchDownSeparately() {
    BackendPorts ports = InMemoryBackends.backend(0, "a");

    ((InMemoryHealthAdapter) ports.blobProbe()).simulateDown("bucket gone");

    assertThatCode(ports.mongoProbe()::ping).doesNotThrowAnyException();
    assertThat(((InMemoryHealthAdapter) ports.blobProbe()).isDown()).isTrue();
  }

  @Test
  void blobsAreStampedWithTheGivenClock() {
    Instant fixed = Instant.parse("2030-01-02T03:04:05Z");
    BackendPorts ports = InMemoryBackends.backend(0, "a", Clock.fixed(fixed, ZoneOffset.UTC));

    ports.blobs().put(BlobArea.CONTENT, "k", new byte[3], "image/png");

    assertThat(ports.blobs().head(BlobArea.CONTENT, "k")).hasValueSatisfying(info -> {
      assertThat(info.lastModified()).isEqualTo(fixed);
      assertThat(info.size()).isEqualTo(3);
    });
  }
}
