package io.udm.app;

import io.udm.api.ShrinkResult;
import io.udm.api.RouteContext;
import io.udm.api.ShrinkOptions;

/** Removes expired or oversized dev shadows from heads. */
final class ShrinkService {
  ShrinkService() {}

  ShrinkResult shrink(RouteContext ctx, ShrinkOptions opts) {
    throw NotYetAvailable.feature("maintenance().shrinkDevShadows");
  }
}
