package io.udm.app;

import io.udm.api.RetentionResult;
import io.udm.api.RouteContext;

/** Prunes old versions per the retention settings. */
final class RetentionService {
  RetentionService() {}

  RetentionResult apply(RouteContext ctx) {
    throw NotYetAvailable.feature("maintenance().applyRetention");
  }
}
