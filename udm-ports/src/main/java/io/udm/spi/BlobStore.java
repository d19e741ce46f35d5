package io.udm.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Object storage of one backend. Objects are written once and never modified. */
public interface BlobStore {
  void put(BlobArea area, String key, byte[] bytes, String contentType);

  Optional<byte[]> get(BlobArea area, String key);

  Optional<BlobInfo> head(BlobArea area, String key);

  /** Deletes if present; deleting a missing key is not an error. */
  void delete(BlobArea area, String key);

  /** Deletes many keys; returns how many existed. */
  long deleteAll(BlobArea area, Collection<String> keys);

  /** Keys under {@code prefix} in {@link BlobKeyOrder}, strictly after {@code startAfter}, at most {@code limit}. */
  List<BlobInfo> list(BlobArea area, String prefix, Optional<String> startAfter, int limit);

  /** A URL that serves the object with GET for {@code ttl}; empty when this store cannot presign. */
  Optional<URI> presignGet(BlobArea area, String key, Duration ttl);
}
