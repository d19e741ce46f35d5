package io.udm.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.bootstrap.wiring.UseCaseModule;
import java.time.Clock;

/** UDM on MongoDB + S3 backend pairs. Differs from {@link MemoryUdmComponent} only in its storage module. */
@Component(modules = {UseCaseModule.class, ProductionStorageModule.class})
interface ProductionUdmComponent {
  Udm udm();

  @Component.Factory
  interface Factory {
    ProductionUdmComponent create(
        @BindsInstance UdmConfig config, @BindsInstance ConnectOptions options, @BindsInstance Clock clock);
  }
}
