package io.udm.bootstrap.ids;

import dagger.Module;
import dagger.Provides;
import io.udm.spi.IdGenerator;

/** Ids, shared by every adapter set; the clock is bound by each component's factory. */
@Module
public final class IdModule {
  private IdModule() {}

  @Provides
  static IdGenerator ids() {
    return new UuidV7IdGeneratorAdapter();
  }
}
