package io.udm.adapter.mongo;

import io.udm.api.RouteContext;
import io.udm.spi.ItemKey;

/**
 * The composite string keys of the layout. Tenant, database, collection, object and request ids are
 * validated by {@link io.udm.api.Names} and never contain {@code /}, so joining them with {@code /}
 * is unambiguous, and every key of one collection shares the prefix {@code tenant/db/collection/}.
 */
final class Keys {
  private Keys() {}

  /** {@code tenant/db/collection}: the _id of per-collection documents (sequences, counters, placements). */
  static String collection(RouteContext collection) {
    return collection.tenantId() + "/" + collection.dbName() + "/" + collection.collection();
  }

  /** {@code tenant/db/collection/objectId}: a head's _id and a version's item key. */
  static String item(ItemKey key) {
    return itemPrefix(key.collection()) + key.objectId();
  }

  /** What every item key of the collection starts with. */
  static String itemPrefix(RouteContext collection) {
    return collection(collection) + "/";
  }

  /**
   * The first string after every key with {@link #itemPrefix}: the prefix with its closing {@code /}
   * raised to the next character, {@code 0}. Keys of this collection fall in [prefix, end).
   */
  static String itemPrefixEnd(RouteContext collection) {
    return collection(collection) + "0";
  }

  /** {@code tenant/db/collection/objectId/ov}: a version's _id. */
  static String version(ItemKey key, long ov) {
    return item(key) + "/" + ov;
  }

  /** {@code tenant/db/collection/requestId}: unique per collection, present only when a request id is. */
  static String request(RouteContext collection, String requestId) {
    return itemPrefix(collection) + requestId;
  }
}
