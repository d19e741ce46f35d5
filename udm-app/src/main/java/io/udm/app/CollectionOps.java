package io.udm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.CollectionRestoreResult;
import io.udm.api.CreateResult;
import io.udm.api.DeleteResult;
import io.udm.api.EnrichOptions;
import io.udm.api.EnrichRequest;
import io.udm.api.EnrichResult;
import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.Page;
import io.udm.api.ReadOptions;
import io.udm.api.RestoreResult;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.UpdateResult;
import io.udm.api.VersionInfo;
import io.udm.api.WriteOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ItemOps} bound to one collection: hands each call to its use case. */
final class CollectionOps implements ItemOps {
  private final RouteContext ctx;
  private final UseCases useCases;

  CollectionOps(RouteContext ctx, UseCases useCases) {
    this.ctx = ctx;
    this.useCases = useCases;
  }

  @Override
  public RouteContext context() {
    return ctx;
  }

  @Override
  public CreateResult create(ObjectNode data, WriteOptions opts) {
    return useCases.create().create(ctx, data, opts);
  }

  @Override
  public UpdateResult update(String id, ObjectNode data, WriteOptions opts) {
    return useCases.update().update(ctx, id, data, opts);
  }

  @Override
  public DeleteResult delete(String id, WriteOptions opts) {
    return useCases.delete().delete(ctx, id, opts);
  }

  @Override
  public EnrichResult enrich(String id, ObjectNode patch, EnrichOptions opts) {
    return useCases.enrich().enrich(ctx, id, patch, opts);
  }

  @Override
  public List<EnrichResult> enrichBatch(List<EnrichRequest> requests) {
    return useCases.enrich().enrichBatch(ctx, requests);
  }

  @Override
  public Optional<ItemView> getLatest(String id, ReadOptions opts) {
    return useCases.read().getLatest(ctx, id, opts);
  }

  @Override
  public Optional<ItemView> getVersion(String id, long ov, ReadOptions opts) {
    return useCases.read().getVersion(ctx, id, ov, opts);
  }

  @Override
  public Optional<ItemView> getAsOf(String id, Instant at, ReadOptions opts) {
    return useCases.read().getAsOf(ctx, id, at, opts);
  }

  @Override
  public Page<ItemView> listByMeta(MetaQuery query, ListOptions opts) {
    return useCases.list().list(ctx, query, opts);
  }

  @Override
  public List<VersionInfo> history(String id) {
    return useCases.read().history(ctx, id);
  }

  @Override
  public RestoreResult restoreObject(String id, RestoreTarget to, WriteOptions opts) {
    return useCases.restore().restoreObject(ctx, id, to, opts);
  }

  @Override
  public CollectionRestoreResult restoreCollection(RestoreTarget to, WriteOptions opts) {
    return useCases.restore().restoreCollection(ctx, to, opts);
  }

  @Override
  public String toString() {
    return "ItemOps[" + ctx + "]";
  }
}
