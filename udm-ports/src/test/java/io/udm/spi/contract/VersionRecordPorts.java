package io.udm.spi.contract;

import io.udm.spi.EffectsOutbox;
import io.udm.spi.RequestMemos;
import io.udm.spi.VersionLog;

/** The three ports over one store's version records, as {@link VersionLogContract} tests them together. */
public record VersionRecordPorts(VersionLog log, EffectsOutbox outbox, RequestMemos memos) {
  /** The three views of a store that implements all of them in one class, as the adapters do. */
  public static <T extends VersionLog & EffectsOutbox & RequestMemos> VersionRecordPorts of(T store) {
    return new VersionRecordPorts(store, store, store);
  }
}
