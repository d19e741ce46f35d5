package io.udm.bootstrap.archfixture;

import io.udm.embedded.EmbeddedServers;

/** Breaks the library rule: what library users depend on never starts the embedded servers. */
public final class FactoryThatStartsEmbeddedServers {
  private FactoryThatStartsEmbeddedServers() {}

  public static EmbeddedServers servers() {
    return EmbeddedServers.transientPairs(1);
  }
}
