package io.udm.api;

import java.util.Optional;

/** Narrows a queue listing; empty parts match everything. */
public record FallbackFilter(
    Optional<String> tenantId, Optional<String> dbName, Optional<String> collection, Optional<Op> op) {
  public static FallbackFilter all() {
    return new FallbackFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static FallbackFilter of(RouteContext ctx) {
    return new FallbackFilter(
        Optional.of(ctx.tenantId()), Optional.of(ctx.dbName()), Optional.of(ctx.collection()), Optional.empty());
  }

  public boolean matches(RouteContext ctx, Op operation) {
    return tenantId.map(ctx.tenantId()::equals).orElse(true)
        && dbName.map(ctx.dbName()::equals).orElse(true)
        && collection.map(ctx.collection()::equals).orElse(true)
        && op.map(operation::equals).orElse(true);
  }
}
