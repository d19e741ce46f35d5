package io.udm.bootstrap.ids;

import com.github.f4b6a3.uuid.UuidCreator;
import io.udm.spi.IdGenerator;

/**
 * RFC 9562 UUIDv7 ids: they sort by creation time (so listings by id come in creation order and
 * index inserts stay local), are monotonic within a millisecond, and need no escaping in URLs or
 * keys.
 */
public final class UuidV7IdGeneratorAdapter implements IdGenerator {
  @Override
  public String newObjectId() {
    return UuidCreator.getTimeOrderedEpoch().toString();
  }

  @Override
  public String newWriteId() {
    return UuidCreator.getTimeOrderedEpoch().toString().replace("-", "");
  }
}
