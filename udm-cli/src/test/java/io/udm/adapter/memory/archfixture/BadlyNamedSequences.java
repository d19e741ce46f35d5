package io.udm.adapter.memory.archfixture;

import io.udm.api.RouteContext;
import io.udm.spi.CvDraw;
import io.udm.spi.SequenceStore;

/** Violates: a port implementation must be named <Tech><Thing>Adapter. */
public class BadlyNamedSequences implements SequenceStore {
  @Override
  public CvDraw draw(RouteContext collection, String drawer) {
    return new CvDraw(1, false);
  }

  @Override
  public void markHardDelete(RouteContext collection) {}

  @Override
  public boolean hardDeleteMarked(RouteContext collection) {
    return false;
  }

  @Override
  public void beginRewrite(RouteContext collection) {}

  @Override
  public void endRewrite(RouteContext collection) {}

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
