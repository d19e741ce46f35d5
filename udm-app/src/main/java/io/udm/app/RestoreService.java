package io.udm.app;

import io.udm.api.CollectionRestoreResult;
import io.udm.api.RestoreResult;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.WriteOptions;

/** Restores an item or a whole collection by appending versions equal to a past state. */
public final class RestoreService {
  RestoreService() {}

  public RestoreResult restoreObject(RouteContext ctx, String id, RestoreTarget to, WriteOptions opts) {
    throw NotYetAvailable.feature("restoreObject");
  }

  public CollectionRestoreResult restoreCollection(RouteContext ctx, RestoreTarget to, WriteOptions opts) {
    throw NotYetAvailable.feature("restoreCollection");
  }
}
