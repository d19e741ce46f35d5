package io.udm.spi;

/** Makes ids; injected so the domain and tests stay deterministic. */
public interface IdGenerator {
  /** A new object id: time-ordered, URL-safe, valid per {@link io.udm.api.Names}. */
  String newObjectId();

  /** A new id unique per write attempt (payload keys, dead letters). */
  String newWriteId();
}
