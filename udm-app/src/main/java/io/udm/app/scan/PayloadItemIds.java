package io.udm.app.scan;

import io.udm.api.RouteContext;
import io.udm.domain.keys.StorageKeys;
import io.udm.spi.BlobArea;
import io.udm.spi.BlobInfo;
import io.udm.spi.BlobStore;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The object ids that have objects in one area of a collection, each once, in the order object
 * storage lists their keys ({@code <objectId>/...} in {@link io.udm.spi.BlobKeyOrder}), holding one
 * listing page.
 *
 * <p>That is the order of {@code objectId + "/"}, not of the object ids: {@code '-'} and {@code '.'}
 * sort before {@code '/'}, so {@code a-1} comes before {@code a} here while {@link String#compareTo}
 * puts {@code a} first. A merge with a source in object id order must allow for that.
 */
public final class PayloadItemIds {
  private final PageCursor<BlobInfo> blobs;
  private final String prefix;
  private Optional<String> peeked;
  private String lastTaken;

  private PayloadItemIds(PageCursor<BlobInfo> blobs, String prefix) {
    this.blobs = blobs;
    this.prefix = prefix;
  }

  public static PayloadItemIds of(BlobStore store, BlobArea area, RouteContext ctx) {
    String prefix = StorageKeys.collectionPrefix(ctx);
    return new PayloadItemIds(new PageCursor<>(CollectionPayloads.PAGE,
        last -> store.list(area, prefix, last.map(BlobInfo::key), CollectionPayloads.PAGE)), prefix);
  }

  public Optional<String> peek() {
    while (peeked == null) {
      Optional<BlobInfo> blob = blobs.peek();
      if (blob.isEmpty()) {
        peeked = Optional.empty();
        break;
      }
      blobs.next();
      Optional<String> id = CollectionPayloads.objectIdOf(prefix, blob.get().key());
      // An item's keys are listed together, so skipping the id just taken skips its other objects.
      if (id.isPresent() && !id.get().equals(lastTaken)) {
        peeked = id;
      }
    }
    return peeked;
  }

  public String next() {
    String id = peek().orElseThrow(() -> new NoSuchElementException("no object ids are left"));
    lastTaken = id;
    peeked = null;
    return id;
  }
}
