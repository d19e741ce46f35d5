package io.udm.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.json.JsonValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operations on the items of one collection, obtained from {@link Udm#with(RouteContext)}. Every
 * write appends an immutable version; values handed in are deep-copied and values handed out are
 * fresh copies. Every {@link ObjectNode} method has a {@code Map<String, ?>} twin.
 */
public interface ItemOps {
  RouteContext context();

  // ---------------------------------------------------------------- writes

  CreateResult create(ObjectNode data, WriteOptions opts);

  default CreateResult create(ObjectNode data) {
    return create(data, WriteOptions.none());
  }

  default CreateResult create(Map<String, ?> data, WriteOptions opts) {
    return create(JsonValues.fromMap(data), opts);
  }

  default CreateResult create(Map<String, ?> data) {
    return create(JsonValues.fromMap(data), WriteOptions.none());
  }

  /** Replaces the whole document with {@code data} as a new version. */
  UpdateResult update(String id, ObjectNode data, WriteOptions opts);

  default UpdateResult update(String id, ObjectNode data) {
    return update(id, data, WriteOptions.none());
  }

  default UpdateResult update(String id, Map<String, ?> data, WriteOptions opts) {
    return update(id, JsonValues.fromMap(data), opts);
  }

  default UpdateResult update(String id, Map<String, ?> data) {
    return update(id, JsonValues.fromMap(data), WriteOptions.none());
  }

  /** Logical delete: appends a version marked deleted; history stays and a restore brings it back. */
  DeleteResult delete(String id, WriteOptions opts);

  default DeleteResult delete(String id) {
    return delete(id, WriteOptions.none());
  }

  /** Deep-merges {@code patch} into the current document. */
  EnrichResult enrich(String id, ObjectNode patch, EnrichOptions opts);

  default EnrichResult enrich(String id, Map<String, ?> patch, EnrichOptions opts) {
    return enrich(id, JsonValues.fromMap(patch), opts);
  }

  /** One result per request, in order; one item's failure does not undo the others. */
  List<EnrichResult> enrichBatch(List<EnrichRequest> requests);

  // ---------------------------------------------------------------- reads

  Optional<ItemView> getLatest(String id, ReadOptions opts);

  default Optional<ItemView> getLatest(String id) {
    return getLatest(id, ReadOptions.defaults());
  }

  Optional<ItemView> getVersion(String id, long ov, ReadOptions opts);

  default Optional<ItemView> getVersion(String id, long ov) {
    return getVersion(id, ov, ReadOptions.defaults());
  }

  /** The newest committed version with {@code at <= instant}. */
  Optional<ItemView> getAsOf(String id, Instant at, ReadOptions opts);

  default Optional<ItemView> getAsOf(String id, Instant at) {
    return getAsOf(id, at, ReadOptions.defaults());
  }

  Page<ItemView> listByMeta(MetaQuery query, ListOptions opts);

  default Page<ItemView> listByMeta(MetaQuery query) {
    return listByMeta(query, ListOptions.defaults());
  }

  default Page<ItemView> listByMeta(Map<String, ?> query, ListOptions opts) {
    return listByMeta(MetaQuery.of(query), opts);
  }

  /** Every version of the item, oldest first; empty when the item does not exist. */
  List<VersionInfo> history(String id);

  // ---------------------------------------------------------------- restore

  RestoreResult restoreObject(String id, RestoreTarget to, WriteOptions opts);

  default RestoreResult restoreObject(String id, RestoreTarget to) {
    return restoreObject(id, to, WriteOptions.none());
  }

  default CollectionRestoreResult restoreCollection(RestoreTarget to, WriteOptions opts) {
    return restoreCollection(to, opts, ProgressListener.NONE);
  }

  /** As {@link #restoreCollection(RestoreTarget, WriteOptions)}, telling {@code progress} of every page of items done. */
  CollectionRestoreResult restoreCollection(RestoreTarget to, WriteOptions opts, ProgressListener progress);

  default CollectionRestoreResult restoreCollection(RestoreTarget to) {
    return restoreCollection(to, WriteOptions.none());
  }

  /**
   * What changed from version {@code fromOv} to version {@code toOv} (either order; 0 means {}),
   * as an RFC 6902 JSON Patch over {@code data()}. A pruned or unknown ov or item is {@code
   * NotFoundException}.
   */
  VersionDiff diff(String id, long fromOv, long toOv);

  /**
   * The collection's committed versions in cv order after {@code query.afterCv()}. Complete and
   * exact: following {@code nextAfterCv} sees every committed version once, in cv order.
   */
  ChangePage changes(ChangeQuery query);
}
