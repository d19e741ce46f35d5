package io.udm.spi;

import io.udm.api.MetaQuery;
import io.udm.api.RouteContext;
import java.util.Optional;

/**
 * A page of heads of one collection matching {@code filter} on meta, ordered by {@code sortField}
 * (a meta path; empty = object id) then object id, strictly after {@code after}. Sort order follows
 * {@link io.udm.api.json.JsonValues#SORT_ORDER} (missing sorts as null, first).
 */
public record HeadQuery(
    RouteContext collection,
    MetaQuery filter,
    Optional<String> sortField,
    boolean ascending,
    Optional<ListPosition> after,
    int limit,
    boolean includeDeleted) {
  public HeadQuery {
    if (limit < 1) {
      // MongoDB reads 0 as "no limit" and S3 as "nothing": no store may be asked either.
      throw new IllegalArgumentException("a head query needs a limit of 1 or more, got " + limit);
    }
  }

  public static HeadQuery all(RouteContext collection, int limit) {
    return new HeadQuery(collection, MetaQuery.all(), Optional.empty(), true, Optional.empty(), limit, true);
  }
}
