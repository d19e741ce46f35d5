package io.udm.http;

import java.io.ByteArrayOutputStream;

/** A request body as it arrives: kept up to the limit, past it only counted (to answer 413 at its end). */
final class BoundedBody {
  private final long limit;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private long received;

  BoundedBody(long limit) {
    this.limit = limit;
  }

  void add(byte[] chunk) {
    received += chunk.length;
    if (received <= limit) {
      kept.write(chunk, 0, chunk.length);
    } else if (kept.size() > 0) {
      kept.reset(); // past the limit: nothing of it will be used
    }
  }

  boolean overLimit() {
    return received > limit;
  }

  byte[] bytes() {
    return kept.toByteArray();
  }
}
