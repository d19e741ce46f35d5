package io.udm.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import io.udm.adapter.memory.InMemoryBackends;
import io.udm.adapter.memory.InMemoryCounterAdapter;
import io.udm.adapter.memory.InMemoryHealthAdapter;
import io.udm.adapter.memory.InMemoryPlacementAdapter;
import io.udm.adapter.memory.InMemoryRetryQueueAdapter;
import io.udm.api.config.UdmConfig;
import io.udm.app.StoragePorts;
import io.udm.spi.BackendPorts;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Every port on in-memory adapters: one simulated backend pair per configured pair (at least one). */
@Module
public final class MemoryStorageModule {
  private MemoryStorageModule() {}

  @Provides
  @Singleton
  static StoragePorts storage(UdmConfig config, PortDecorator decorator) {
    List<String> ids = BackendIds.of(config);
    List<BackendPorts> backends = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      backends.add(InMemoryBackends.backend(i, ids.get(i)));
    }
    return decorator.decorate(new StoragePorts(backends, new InMemoryCounterAdapter(), new InMemoryPlacementAdapter(),
        new io.udm.adapter.memory.InMemoryIndexStateAdapter(),
        new io.udm.adapter.memory.InMemoryHoldAdapter(), new InMemoryRetryQueueAdapter(), new InMemoryHealthAdapter("counters"), List.of()));
  }
}
