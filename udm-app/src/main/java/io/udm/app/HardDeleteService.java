package io.udm.app;

import io.udm.api.HardDeleteResult;
import io.udm.api.RouteContext;
import io.udm.api.HardDeleteOptions;

/** Irreversibly removes an item and everything stored for it. */
final class HardDeleteService {
  HardDeleteService() {}

  HardDeleteResult hardDelete(RouteContext ctx, String id, HardDeleteOptions opts) {
    throw NotYetAvailable.feature("maintenance().hardDelete");
  }
}
