package io.udm.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import java.time.Clock;

/** UDM on in-memory adapters. */
@Component(modules = {UseCaseModule.class, MemoryStorageModule.class})
public interface MemoryUdmComponent {
  Udm udm();

  @Component.Factory
  interface Factory {
    MemoryUdmComponent create(@BindsInstance UdmConfig config, @BindsInstance Clock clock);
  }
}
