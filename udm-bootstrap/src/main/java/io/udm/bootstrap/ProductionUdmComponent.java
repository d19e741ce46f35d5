package io.udm.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.app.optimizer.WriteOptimizer;
import io.udm.app.wiring.UseCaseModule;
import io.udm.bootstrap.ids.IdModule;
import io.udm.bootstrap.wiring.PortDecorator;
import io.udm.bootstrap.wiring.ProductionStorageModule;
import io.udm.bootstrap.wiring.StorageConnection;
import jakarta.inject.Singleton;
import java.time.Clock;

/** UDM on MongoDB + S3 backend pairs. Differs from {@link MemoryUdmComponent} only in its storage module. */
@Singleton
@Component(modules = {UseCaseModule.class, IdModule.class, ProductionStorageModule.class})
interface ProductionUdmComponent {
  Udm udm();

  /** For metrics: the payload cache's and the debounced counters' figures. */
  WriteOptimizer optimizer();

  @Component.Factory
  interface Factory {
    ProductionUdmComponent create(
        @BindsInstance UdmConfig config, @BindsInstance StorageConnection connection, @BindsInstance Clock clock,
        @BindsInstance PortDecorator decorator);
  }
}
