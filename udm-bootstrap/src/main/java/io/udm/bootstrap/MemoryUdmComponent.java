package io.udm.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.wiring.MemoryStorageModule;
import io.udm.bootstrap.wiring.UseCaseModule;
import java.time.Clock;

/** UDM on in-memory adapters. */
@Component(modules = {UseCaseModule.class, MemoryStorageModule.class})
interface MemoryUdmComponent {
  Udm udm();

  @Component.Factory
  interface Factory {
    MemoryUdmComponent create(@BindsInstance UdmConfig config, @BindsInstance Clock clock);
  }
}
