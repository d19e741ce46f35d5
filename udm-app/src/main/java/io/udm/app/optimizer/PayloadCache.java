package io.udm.app.optimizer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Version payloads by key, bounded by bytes ({@code cache.maxBytes}; 0 turns it off). A payload is
 * written once under a key unique to its write attempt and never modified, so a cached copy is
 * always the stored bytes, until the key is deleted: every delete that goes through UDM evicts it
 * (see {@link #evict}), and no load that raced a delete can put the deleted bytes back.
 *
 * <p>Why no load can resurrect a deleted key: a delete bumps {@link #removals} and invalidates,
 * before and after the store's delete. A load notes {@code removals} before it reads the store and
 * inserts only if the count is unchanged, inside the map's per-key compute, which serializes with
 * the invalidation of that key. An insert that lands before the second invalidation is removed by
 * it; one after it sees a changed count, unless its read began after the second bump, that is
 * after the store's delete, and then it read nothing.
 */
final class PayloadCache {
  /** Per entry, besides the bytes: the key's chars, the array and map node headers (an estimate). */
  private static final int ENTRY_OVERHEAD = 96;

  private final Cache<String, byte[]> cache;
  private final AtomicLong removals = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  PayloadCache(long maxBytes) {
    this.cache = maxBytes <= 0 ? null : Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((String key, byte[] bytes) -> weight(key, bytes))
        // Evict on the caller's thread: the bound holds when a put returns, not some time later
        // on the common pool (which a busy process may not schedule soon).
        .executor(Runnable::run)
        .build();
  }

  static int weight(String key, byte[] bytes) {
    long weight = (long) bytes.length + 2L * key.length() + ENTRY_OVERHEAD;
    return (int) Math.min(Integer.MAX_VALUE, weight);
  }

  boolean enabled() {
    return cache != null;
  }

  /** The cached bytes of {@code key}, or {@code load}'s (remembered when present). */
  Optional<byte[]> get(String key, Supplier<Optional<byte[]>> load) {
    if (cache == null) {
      return load.get();
    }
    byte[] cached = cache.getIfPresent(key);
    if (cached != null) {
      hits.incrementAndGet();
      return Optional.of(cached);
    }
    misses.incrementAndGet();
    long before = removals.get();
    Optional<byte[]> loaded = load.get();
    loaded.ifPresent(bytes -> remember(key, bytes, before));
    return loaded;
  }

  /** The count to pass to {@link #remember} for bytes about to be written. */
  long removalCount() {
    return removals.get();
  }

  /** Caches {@code bytes} under {@code key} unless a delete happened since {@code removalsBefore} was read. */
  void remember(String key, byte[] bytes, long removalsBefore) {
    if (cache == null) {
      return;
    }
    cache.asMap().compute(key, (k, current) -> removals.get() == removalsBefore ? bytes : current);
  }

  /** Runs {@code delete} (the store's delete of {@code keys}) with the keys evicted before and after it. */
  <T> T evict(Collection<String> keys, Supplier<T> delete) {
    if (cache == null) {
      return delete.get();
    }
    forget(keys);
    try {
      return delete.get();
    } finally {
      forget(keys);
    }
  }

  private void forget(Collection<String> keys) {
    removals.incrementAndGet();
    cache.invalidateAll(keys);
  }

  long hits() {
    return hits.get();
  }

  long misses() {
    return misses.get();
  }

  /** The weighed bytes held now (0 when off). */
  long weightedSize() {
    return cache == null ? 0 : cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }
}
