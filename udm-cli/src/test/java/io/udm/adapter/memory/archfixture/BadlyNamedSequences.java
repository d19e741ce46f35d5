package io.udm.adapter.memory.archfixture;

import io.udm.api.RouteContext;
import io.udm.spi.SequenceStore;

/** Violates: a port implementation must be named <Tech><Thing>Adapter. */
public class BadlyNamedSequences implements SequenceStore {
  @Override
  public long next(RouteContext collection) {
    return 1;
  }

  @Override
  public long current(RouteContext collection) {
    return 0;
  }

  @Override
  public long fence(RouteContext collection) {
    return 0;
  }

  @Override
  public void reopen(RouteContext collection, long atLeast) {}
}
