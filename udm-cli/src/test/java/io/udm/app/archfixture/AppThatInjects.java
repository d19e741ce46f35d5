package io.udm.app.archfixture;

import jakarta.inject.Inject;

/** Breaks the Dagger rule: outside io.udm.app.wiring, use cases have plain constructors. */
public final class AppThatInjects {
  @Inject
  public AppThatInjects() {}
}
