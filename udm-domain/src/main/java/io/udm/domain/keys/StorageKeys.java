package io.udm.domain.keys;

import io.udm.api.RouteContext;
import io.udm.spi.ItemKey;

/**
 * Object storage keys. Every part is validated before it gets here ({@link io.udm.api.Names}), so
 * a key can never leave its {@code t/<tenant>/<db>/<collection>/} prefix.
 */
public final class StorageKeys {
  private StorageKeys() {}

  /** {@code t/<tenant>/<db>/<collection>/}. */
  public static String collectionPrefix(RouteContext c) {
    return "t/" + c.tenantId() + "/" + c.dbName() + "/" + c.collection() + "/";
  }

  /** {@code t/<tenant>/<db>/<collection>/<objectId>/}: everything stored for one item. */
  public static String itemPrefix(ItemKey key) {
    return collectionPrefix(key.collection()) + key.objectId() + "/";
  }

  /** A version's payload; the write id makes it unique per attempt, so racing writers never collide. */
  public static String payload(ItemKey key, long ov, String writeId) {
    return itemPrefix(key) + ov + "-" + writeId + ".json";
  }

  /** A content blob, shared by the versions of one item that hold the same bytes. */
  public static String content(ItemKey key, String sha256Hex) {
    return itemPrefix(key) + "c/" + sha256Hex;
  }
}
