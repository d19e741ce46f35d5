package io.udm.app;

import io.udm.api.GcResult;
import io.udm.api.RouteContext;
import java.time.Duration;

/** Removes what failed write attempts left behind. */
final class GarbageCollector {
  GarbageCollector() {}

  GcResult collect(RouteContext ctx, Duration olderThan) {
    throw NotYetAvailable.feature("maintenance().collectGarbage");
  }
}
