package io.udm.app;

import io.udm.adapter.memory.InMemoryBackends;
import io.udm.adapter.memory.InMemoryCounterAdapter;
import io.udm.adapter.memory.InMemoryIndexStateAdapter;
import io.udm.adapter.memory.InMemoryHealthAdapter;
import io.udm.adapter.memory.InMemoryPlacementAdapter;
import io.udm.adapter.memory.InMemoryRetryQueueAdapter;
import io.udm.spi.BackendPorts;
import io.udm.spi.IdGenerator;
import io.udm.spi.PlacementRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** In-memory storage ports for app tests: the real in-memory adapters, never mocks. */
final class MemoryPorts {
  private MemoryPorts() {}

  static StoragePorts withBackends(String... backendIds) {
    return withBackends(new InMemoryPlacementAdapter(), backendIds);
  }

  static StoragePorts withBackends(PlacementRegistry placements, String... backendIds) {
    return withBackends(placements, Clock.systemUTC(), backendIds);
  }

  /** {@code blobClock} stamps the blobs' last modification (what garbage collection ages them by). */
  static StoragePorts withBackends(PlacementRegistry placements, Clock blobClock, String... backendIds) {
    List<BackendPorts> backends = new ArrayList<>();
    for (int i = 0; i < backendIds.length; i++) {
      backends.add(InMemoryBackends.backend(i, backendIds[i], blobClock));
    }
    return new StoragePorts(backends, new InMemoryCounterAdapter(), placements, new InMemoryIndexStateAdapter(),
        new io.udm.adapter.memory.InMemoryHoldAdapter(),
        new InMemoryRetryQueueAdapter(), new InMemoryHealthAdapter("counters"), List.of());
  }

  /** Sequential, time-ordered-looking ids; deterministic per test. */
  static IdGenerator sequentialIds() {
    AtomicLong next = new AtomicLong();
    return new IdGenerator() {
      @Override
      public String newObjectId() {
        return String.format("obj-%012d", next.incrementAndGet());
      }

      @Override
      public String newWriteId() {
        return UUID.nameUUIDFromBytes(Long.toString(next.incrementAndGet()).getBytes()).toString();
      }
    };
  }
}
