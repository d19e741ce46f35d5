package io.udm.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The full JSON kept on a head for inspection, until {@link #expiresAt()}. */
public record DevShadow(ObjectNode document, Instant expiresAt, long bytes) {
  public DevShadow {
    document = document.deepCopy();
  }

  @Override
  public ObjectNode document() {
    return document.deepCopy();
  }
}
