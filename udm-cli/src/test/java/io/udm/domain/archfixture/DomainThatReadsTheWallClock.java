package io.udm.domain.archfixture;

import java.time.Instant;

/** Violates: the domain reads time only from an injected Clock. */
public class DomainThatReadsTheWallClock {
  public Instant now() {
    return Instant.now();
  }
}
