package io.udm.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * The after-commit work a version still owes, stored with the version record itself (the outbox):
 * appended in the same insert as the version, so a commit never exists without its owed work.
 *
 * @param counters what the version adds to its collection's counters
 * @param devShadow whether the version's stored JSON goes on its head as a dev shadow
 * @param claimedUntil until when the process working on it owns the work; after that a sweeper may
 *     claim it. The committing process owns it first.
 */
public record PendingEffects(CounterDelta counters, boolean devShadow, Instant claimedUntil) {
  public PendingEffects {
    Objects.requireNonNull(counters, "counters");
    Objects.requireNonNull(claimedUntil, "claimedUntil");
  }

  public PendingEffects claimedUntil(Instant until) {
    return new PendingEffects(counters, devShadow, until);
  }
}
