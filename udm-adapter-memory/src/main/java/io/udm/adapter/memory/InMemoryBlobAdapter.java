package io.udm.adapter.memory;

import io.udm.spi.BlobArea;
import io.udm.spi.BlobKeyOrder;
import io.udm.spi.BlobInfo;
import io.udm.spi.BlobStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Object storage as one sorted map per area. Like S3, a put replaces the object whole, and keys list
 * in the order of their UTF-8 bytes (which is code point order). Bytes are copied on the way in and
 * out, so neither side can change the other's array.
 */
public final class InMemoryBlobAdapter implements BlobStore {
  /** Code point order equals UTF-8 byte order; String.compareTo (UTF-16 units) differs above U+FFFF. */
  private static final Comparator<String> S3_KEY_ORDER = BlobKeyOrder.COMPARATOR;

  private final Clock clock;
  private final Map<BlobArea, NavigableMap<String, StoredBlob>> areas = new EnumMap<>(BlobArea.class);
  private final InMemoryPresigner presigner;

  public InMemoryBlobAdapter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.presigner = InMemoryPresigner.register(this);
    for (BlobArea area : BlobArea.values()) {
      areas.put(area, new ConcurrentSkipListMap<>(S3_KEY_ORDER));
    }
  }

  public InMemoryBlobAdapter() {
    this(Clock.systemUTC());
  }

  @Override
  public void put(BlobArea area, String key, byte[] bytes, String contentType) {
    requireKey(key);
    Objects.requireNonNull(bytes, "bytes");
    area(area).put(key, new StoredBlob(bytes.clone(), contentType, clock.instant()));
  }

  @Override
  public Optional<byte[]> get(BlobArea area, String key) {
    return Optional.ofNullable(area(area).get(key)).map(blob -> blob.bytes().clone());
  }

  @Override
  public Optional<BlobInfo> head(BlobArea area, String key) {
    return Optional.ofNullable(area(area).get(key)).map(blob -> blob.info(key));
  }

  @Override
  public void delete(BlobArea area, String key) {
    area(area).remove(key);
  }

  @Override
  public long deleteAll(BlobArea area, Collection<String> keys) {
    NavigableMap<String, StoredBlob> blobs = area(area);
    return new HashSet<>(keys).stream().filter(key -> blobs.remove(key) != null).count();
  }

  @Override
  public List<BlobInfo> list(BlobArea area, String prefix, Optional<String> startAfter, int limit) {
    Objects.requireNonNull(prefix, "prefix");
    if (limit < 1) {
      throw new IllegalArgumentException("a blob listing needs a limit of at least 1, got " + limit);
    }
    NavigableMap<String, StoredBlob> blobs = area(area);
    // Start at whichever bound is later: the prefix itself, or just past startAfter.
    NavigableMap<String, StoredBlob> from = startAfter
        .filter(after -> S3_KEY_ORDER.compare(after, prefix) >= 0)
        .map(after -> blobs.tailMap(after, false))
        .orElseGet(() -> blobs.tailMap(prefix, true));
    return from.entrySet().stream()
        .takeWhile(entry -> entry.getKey().startsWith(prefix))
        .limit(limit)
        .map(entry -> entry.getValue().info(entry.getKey()))
        .toList();
  }

  /**
   * A {@code memory://} URL, signed with this store's own random key and valid for {@code ttl}. No
   * server serves it: {@link #fetch(URI)} resolves it inside this JVM, as S3 would (GET only,
   * refused once expired or when any part was changed).
   */
  @Override
  public Optional<URI> presignGet(BlobArea area, String key, Duration ttl) {
    Objects.requireNonNull(area, "area");
    requireKey(key);
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, was " + ttl);
    }
    return Optional.of(presigner.sign(area, key, clock.instant().plus(ttl)));
  }

  /**
   * The bytes a URL from {@link #presignGet} serves, or empty when its object no longer exists.
   *
   * @throws IllegalArgumentException when the URL is not one of an open in-memory store, was
   *     tampered with, or has expired
   */
  public static Optional<byte[]> fetch(URI url) {
    InMemoryPresigner.Signed signed = InMemoryPresigner.verifyShape(url);
    InMemoryBlobAdapter store = InMemoryPresigner.storeOf(signed);
    store.presigner.verify(signed, store.clock.instant());
    return store.get(signed.area(), signed.key());
  }

  private NavigableMap<String, StoredBlob> area(BlobArea area) {
    return areas.get(Objects.requireNonNull(area, "area"));
  }

  private static void requireKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("a blob key must not be empty");
    }
  }

  /** The array is owned by the store: only copies leave. */
  private record StoredBlob(byte[] bytes, String contentType, Instant lastModified) {
    BlobInfo info(String key) {
      return new BlobInfo(key, bytes.length, lastModified);
    }
  }
}
