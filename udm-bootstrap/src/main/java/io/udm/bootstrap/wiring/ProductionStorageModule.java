package io.udm.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import io.udm.api.config.UdmConfig;
import io.udm.app.StoragePorts;
import jakarta.inject.Singleton;

/** Every port on MongoDB + S3: one pair per configured backend, plus the counters MongoDB. */
@Module
public final class ProductionStorageModule {
  private ProductionStorageModule() {}

  @Provides
  @Singleton
  static StoragePorts storage(UdmConfig config, StorageConnection connection, PortDecorator decorator) {
    return decorator.decorate(ProductionStorage.open(config, connection.createBucketsIfMissing(),
        connection.connectTimeout(), connection.storesPrepared(), connection.listeners()));
  }
}
