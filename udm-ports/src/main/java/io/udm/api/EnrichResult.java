package io.udm.api;

import java.time.Instant;
import java.util.List;

/** The committed version an enrichment produced, with the item's function ids after it. */
public record EnrichResult(String id, long ov, long cv, Instant at, List<String> functionIds) {
  public EnrichResult {
    functionIds = List.copyOf(functionIds);
  }
}
