package io.udm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.ChangePage;
import io.udm.api.ChangeQuery;
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
import io.udm.api.Progress;
import io.udm.api.ProgressListener;
import io.udm.api.ReadOptions;
import io.udm.api.RestoreResult;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.UpdateResult;
import io.udm.api.VersionDiff;
import io.udm.api.VersionInfo;
import io.udm.api.WriteOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ItemOps} bound to one collection: hands each call to its use case. */
final class CollectionOps implements ItemOps {
  private final RouteContext ctx;
  private final ItemUseCases items;

  CollectionOps(RouteContext ctx, ItemUseCases items) {
    this.ctx = ctx;
    this.items = items;
  }

  @Override
  public RouteContext context() {
    return ctx;
  }

  @Override
  public CreateResult create(ObjectNode data, WriteOptions opts) {
    return items.writes().create(ctx, data, opts);
  }

  @Override
  public UpdateResult update(String id, ObjectNode data, WriteOptions opts) {
    return items.writes().update(ctx, id, data, opts);
  }

  @Override
  public DeleteResult delete(String id, WriteOptions opts) {
    return items.writes().delete(ctx, id, opts);
  }

  @Override
  public EnrichResult enrich(String id, ObjectNode patch, EnrichOptions opts) {
    return items.writes().enrich(ctx, id, patch, opts);
  }

  @Override
  public List<EnrichResult> enrichBatch(List<EnrichRequest> requests) {
    return items.writes().enrichBatch(ctx, requests);
  }

  @Override
  public Optional<ItemView> getLatest(String id, ReadOptions opts) {
    return items.reads().getLatest(ctx, id, opts);
  }

  @Override
  public Optional<ItemView> getVersion(String id, long ov, ReadOptions opts) {
    return items.reads().getVersion(ctx, id, ov, opts);
  }

  @Override
  public Optional<ItemView> getAsOf(String id, Instant at, ReadOptions opts) {
    return items.reads().getAsOf(ctx, id, at, opts);
  }

  @Override
  public Page<ItemView> listByMeta(MetaQuery query, ListOptions opts) {
    return items.lists().list(ctx, query, opts);
  }

  @Override
  public List<VersionInfo> history(String id) {
    return items.reads().history(ctx, id);
  }

  @Override
  public RestoreResult restoreObject(String id, RestoreTarget to, WriteOptions opts) {
    return items.restores().restoreObject(ctx, id, to, opts);
  }

  @Override
  public CollectionRestoreResult restoreCollection(RestoreTarget to, WriteOptions opts, ProgressListener progress) {
    return items.restores().restoreCollection(ctx, to, opts,
        snapshot -> progress.onProgress(Progress.items("restore", snapshot.scanned())));
  }

  @Override
  public VersionDiff diff(String id, long fromOv, long toOv) {
    return items.diffs().diff(ctx, id, fromOv, toOv);
  }

  @Override
  public ChangePage changes(ChangeQuery query) {
    return items.changes().changes(ctx, query);
  }

  @Override
  public String toString() {
    return "ItemOps[" + ctx + "]";
  }
}
