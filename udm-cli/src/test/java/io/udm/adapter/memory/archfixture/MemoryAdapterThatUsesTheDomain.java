package io.udm.adapter.memory.archfixture;

import io.udm.domain.keys.StorageKeys;

/** Violates: an adapter never reaches into the domain. */
public class MemoryAdapterThatUsesTheDomain {
  public String prefix(io.udm.api.RouteContext ctx) {
    return StorageKeys.collectionPrefix(ctx);
  }
}
