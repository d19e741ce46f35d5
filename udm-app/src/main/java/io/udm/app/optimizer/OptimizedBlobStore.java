package io.udm.app.optimizer;

import io.udm.spi.BlobArea;
import io.udm.spi.BlobInfo;
import io.udm.spi.BlobStore;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One backend's object store with the write optimizer in front: version payloads ({@link
 * BlobArea#JSON}) read through the {@link PayloadCache} and remembered as they are written, every
 * delete of a payload evicting it; uploads through the {@link UploadBatcher} when {@code batchS3}.
 * Everything else goes straight to the store. Like any store, it keeps copies: a caller changing an
 * array it put or got changes nothing cached.
 */
final class OptimizedBlobStore implements BlobStore {
  private final BlobStore store;
  private final String backendId;
  private final PayloadCache cache;
  private final Optional<UploadBatcher> batcher;

  OptimizedBlobStore(BlobStore store, String backendId, PayloadCache cache, Optional<UploadBatcher> batcher) {
    this.store = store;
    this.backendId = backendId;
    this.cache = cache;
    this.batcher = batcher;
  }

  /** The store itself, without cache or batching. */
  BlobStore store() {
    return store;
  }

  @Override
  public void put(BlobArea area, String key, byte[] bytes, String contentType) {
    long removalsBefore = cache.removalCount();
    Runnable upload = () -> store.put(area, key, bytes, contentType);
    if (batcher.isPresent()) {
      batcher.get().upload(upload);
    } else {
      upload.run();
    }
    if (area == BlobArea.JSON) {
      cache.remember(cacheKey(key), bytes.clone(), removalsBefore);
    }
  }

  @Override
  public Optional<byte[]> get(BlobArea area, String key) {
    if (area != BlobArea.JSON) {
      return store.get(area, key);
    }
    return cache.get(cacheKey(key), () -> store.get(area, key)).map(byte[]::clone);
  }

  @Override
  public Optional<BlobInfo> head(BlobArea area, String key) {
    return store.head(area, key);
  }

  @Override
  public void delete(BlobArea area, String key) {
    if (area != BlobArea.JSON) {
      store.delete(area, key);
      return;
    }
    cache.evict(List.of(cacheKey(key)), () -> {
      store.delete(area, key);
      return null;
    });
  }

  @Override
  public long deleteAll(BlobArea area, Collection<String> keys) {
    if (area != BlobArea.JSON) {
      return store.deleteAll(area, keys);
    }
    return cache.evict(keys.stream().map(this::cacheKey).toList(), () -> store.deleteAll(area, keys));
  }

  @Override
  public List<BlobInfo> list(BlobArea area, String prefix, Optional<String> startAfter, int limit) {
    return store.list(area, prefix, startAfter, limit);
  }

  @Override
  public Optional<URI> presignGet(BlobArea area, String key, Duration ttl) {
    return store.presignGet(area, key, ttl);
  }

  /** Per backend: a rebalance copies a payload to another pair under the same key. */
  private String cacheKey(String key) {
    return backendId + '\n' + key;
  }
}
