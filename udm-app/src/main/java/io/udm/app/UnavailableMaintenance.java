package io.udm.app;

import io.udm.api.GcResult;
import io.udm.api.HardDeleteOptions;
import io.udm.api.HardDeleteResult;
import io.udm.api.MaintenanceApi;
import io.udm.api.RetentionResult;
import io.udm.api.RouteContext;
import io.udm.api.ShrinkOptions;
import io.udm.api.ShrinkResult;
import io.udm.api.VerifyReport;
import java.time.Duration;

/** Maintenance operations land with their features; until then each says so. */
final class UnavailableMaintenance implements MaintenanceApi {
  @Override
  public HardDeleteResult hardDelete(RouteContext ctx, String id, HardDeleteOptions opts) {
    throw NotYetAvailable.feature("maintenance().hardDelete");
  }

  @Override
  public ShrinkResult shrinkDevShadows(RouteContext ctx, ShrinkOptions opts) {
    throw NotYetAvailable.feature("maintenance().shrinkDevShadows");
  }

  @Override
  public RetentionResult applyRetention(RouteContext ctx) {
    throw NotYetAvailable.feature("maintenance().applyRetention");
  }

  @Override
  public GcResult collectGarbage(RouteContext ctx, Duration olderThan) {
    throw NotYetAvailable.feature("maintenance().collectGarbage");
  }

  @Override
  public VerifyReport verify(RouteContext ctx) {
    throw NotYetAvailable.feature("maintenance().verify");
  }
}
