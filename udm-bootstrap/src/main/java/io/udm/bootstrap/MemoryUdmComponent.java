package io.udm.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.app.optimizer.WriteOptimizer;
import io.udm.app.wiring.UseCaseModule;
import io.udm.bootstrap.ids.IdModule;
import io.udm.bootstrap.wiring.MemoryStorageModule;
import io.udm.bootstrap.wiring.PortDecorator;
import jakarta.inject.Singleton;
import java.time.Clock;

/** UDM on in-memory adapters. */
@Singleton
@Component(modules = {UseCaseModule.class, IdModule.class, MemoryStorageModule.class})
interface MemoryUdmComponent {
  Udm udm();

  /** For metrics: the payload cache's and the debounced counters' figures. */
  WriteOptimizer optimizer();

  @Component.Factory
  interface Factory {
    MemoryUdmComponent create(@BindsInstance UdmConfig config, @BindsInstance Clock clock,
        @BindsInstance PortDecorator decorator);
  }
}
