package io.udm.app.scan;

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
 * Walks the objects of a collection ({@code t/<tenant>/<db>/<collection>/<objectId>/...}) in key
 * order, a listing page at a time.
 */
public final class CollectionPayloads {
  public static final int PAGE = 1000;

  private CollectionPayloads() {}

  /**
   * Calls {@code perBatch} with each object id that has objects in {@code area} and up to {@link
   * #PAGE} of them, in key order: an item with more objects comes in several calls, so memory stays
   * bounded by one listing page however many objects an item has.
   */
  public static void forEachItemBatch(BlobStore blobs, BlobArea area, RouteContext ctx,
      BiConsumer<String, List<BlobInfo>> perBatch) {
    String prefix = StorageKeys.collectionPrefix(ctx);
    PageCursor<BlobInfo> listing = new PageCursor<>(PAGE, last -> blobs.list(area, prefix, last.map(BlobInfo::key), PAGE));
    String currentId = null;
    List<BlobInfo> batch = new ArrayList<>();
    while (listing.peek().isPresent()) {
      BlobInfo blob = listing.next();
      Optional<String> id = objectIdOf(prefix, blob.key());
      if (id.isEmpty()) {
        continue;
      }
      if (!id.get().equals(currentId) || batch.size() == PAGE) {
        if (!batch.isEmpty()) {
          perBatch.accept(currentId, batch);
        }
        currentId = id.get();
        batch = new ArrayList<>();
      }
      batch.add(blob);
    }
    if (!batch.isEmpty()) {
      perBatch.accept(currentId, batch);
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
