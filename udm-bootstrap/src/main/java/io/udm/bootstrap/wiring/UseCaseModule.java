package io.udm.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import io.udm.api.Udm;
import io.udm.api.config.UdmConfig;
import io.udm.app.StoragePorts;
import io.udm.app.UdmService;
import io.udm.spi.IdGenerator;
import java.time.Clock;

/** The use cases on top of whatever storage module the component includes. */
@Module(includes = IdModule.class)
public final class UseCaseModule {
  private UseCaseModule() {}

  @Provides
  static Udm udm(UdmConfig config, StoragePorts ports, Clock clock, IdGenerator ids) {
    return new UdmService(config, ports, clock, ids);
  }
}
