package io.udm.bootstrap;

import dagger.Module;
import dagger.Provides;
import io.udm.api.config.UdmConfig;
import io.udm.app.StoragePorts;
import io.udm.bootstrap.wiring.ProductionStorage;

/** Every port on MongoDB + S3: one pair per configured backend, plus the counters MongoDB. */
@Module
final class ProductionStorageModule {
  private ProductionStorageModule() {}

  @Provides
  static StoragePorts storage(UdmConfig config, ConnectOptions options) {
    return ProductionStorage.open(config, options.createBucketsIfMissing(), options.connectTimeout());
  }
}
