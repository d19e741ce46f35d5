package io.udm.app.stored;

import io.udm.api.RouteContext;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobInfo;
import io.udm.spi.BlobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Walks the version payloads of a collection ({@code t/<tenant>/<db>/<collection>/<objectId>/...}
 * in the JSON area) in key order, one item at a time, so memory stays bounded by one item.
 */
public final class CollectionPayloads {
  public static final int PAGE = 1000;

  private CollectionPayloads() {}

  /** Calls {@code perItem} with each object id that has payloads and its payloads, in key order. */
  public static void forEachItem(BlobStore blobs, RouteContext ctx, BiConsumer<String, List<BlobInfo>> perItem) {
    forEachItem(blobs, BlobArea.JSON, ctx, perItem);
  }

  /** As {@link #forEachItem(BlobStore, RouteContext, BiConsumer)}, over the objects of any area. */
  public static void forEachItem(BlobStore blobs, BlobArea area, RouteContext ctx, BiConsumer<String, List<BlobInfo>> perItem) {
    String prefix = StorageKeys.collectionPrefix(ctx);
    Optional<String> after = Optional.empty();
    String currentId = null;
    List<BlobInfo> current = new ArrayList<>();
    while (true) {
      List<BlobInfo> page = blobs.list(area, prefix, after, PAGE);
      for (BlobInfo blob : page) {
        Optional<String> id = objectIdOf(prefix, blob.key());
        if (id.isEmpty()) {
          continue;
        }
        String objectId = id.get();
        if (!objectId.equals(currentId)) {
          if (currentId != null) {
            perItem.accept(currentId, current);
          }
          currentId = objectId;
          current = new ArrayList<>();
        }
        current.add(blob);
      }
      if (page.size() < PAGE) {
        break;
      }
      after = Optional.of(page.get(page.size() - 1).key());
    }
    if (currentId != null) {
      perItem.accept(currentId, current);
    }
  }

  /** The object id in a key under {@code collectionPrefix}; empty for a key that is no item's object (nothing UDM writes). */
  static Optional<String> objectIdOf(String collectionPrefix, String key) {
    String rest = key.substring(collectionPrefix.length());
    int slash = rest.indexOf('/');
    return slash <= 0 ? Optional.empty() : Optional.of(rest.substring(0, slash));
  }

  /** Every payload stored under one item, in key order. */
  public static List<BlobInfo> ofItem(BlobStore blobs, String itemPrefix) {
    return ofItem(blobs, BlobArea.JSON, itemPrefix);
  }

  /** Every object of {@code area} stored under one item, in key order. */
  public static List<BlobInfo> ofItem(BlobStore blobs, BlobArea area, String itemPrefix) {
    List<BlobInfo> out = new ArrayList<>();
    Optional<String> after = Optional.empty();
    while (true) {
      List<BlobInfo> page = blobs.list(area, itemPrefix, after, PAGE);
      out.addAll(page);
      if (page.size() < PAGE) {
        return out;
      }
      after = Optional.of(page.get(page.size() - 1).key());
    }
  }
}
