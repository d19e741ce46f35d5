package io.udm.app.wiring;

import dagger.Module;
import dagger.Provides;
import io.udm.api.config.UdmConfig;
import io.udm.app.StoragePorts;
import io.udm.app.counters.CounterRecorder;
import io.udm.app.counters.CountersService;
import io.udm.app.counters.RecountService;
import io.udm.app.effects.EffectsApplier;
import io.udm.app.routing.BackendRouter;
import io.udm.domain.counters.CounterDeltas;
import jakarta.inject.Singleton;

/** Operation totals and rule gauges: the one counters service, what feeds it, and the recount. */
@Module
public final class CountersModule {
  private CountersModule() {}

  @Provides
  @Singleton
  static CounterDeltas deltas(UdmConfig config) {
    return new CounterDeltas(config.counterRules().rules());
  }

  @Provides
  @Singleton
  static CountersService counters(StoragePorts ports, EffectsApplier afterCommitWork) {
    return new CountersService(ports.counters(), afterCommitWork::sendHeld);
  }

  @Provides
  @Singleton
  static CounterRecorder recorder(CounterDeltas deltas) {
    return new CounterRecorder(deltas);
  }

  @Provides
  @Singleton
  static RecountService recount(BackendRouter router, CounterDeltas deltas, CountersService counters) {
    return new RecountService(router, deltas, counters);
  }
}
