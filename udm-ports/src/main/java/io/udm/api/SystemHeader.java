package io.udm.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code _system} lifecycle header UDM keeps on every item. */
public record SystemHeader(
    Instant insertedAt,
    Instant updatedAt,
    Optional<Instant> deletedAt,
    boolean deleted,
    List<String> functionIds) {
  public SystemHeader {
    functionIds = List.copyOf(functionIds);
  }
}
