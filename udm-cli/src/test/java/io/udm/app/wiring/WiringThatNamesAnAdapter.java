package io.udm.app.wiring;

import dagger.Module;
import dagger.Provides;
import io.udm.adapter.memory.InMemoryCounterAdapter;
import io.udm.spi.CounterStore;

/** Breaks the wiring rule: the use cases' Dagger modules never name an adapter. */
@Module
public final class WiringThatNamesAnAdapter {
  private WiringThatNamesAnAdapter() {}

  @Provides
  static CounterStore counters() {
    return new InMemoryCounterAdapter();
  }
}
