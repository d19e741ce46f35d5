package io.udm.api;

import java.net.URI;
import java.util.Optional;

/** A base64 property stored in the content bucket, keyed by its JSON path in the item. */
public record ContentRef(
    String path, String key, String contentType, long size, String sha256, Optional<URI> url) {
  public ContentRef withUrl(URI presigned) {
    return new ContentRef(path, key, contentType, size, sha256, Optional.of(presigned));
  }

  public ContentRef withoutUrl() {
    return new ContentRef(path, key, contentType, size, sha256, Optional.empty());
  }
}
