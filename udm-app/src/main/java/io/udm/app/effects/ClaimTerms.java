package io.udm.app.effects;

import io.udm.spi.PendingEffects;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a process owns the work it claimed, and how much of that it uses. A holder stops
 * sending work once half the claim has passed, so a holder stalled mid-send, or a clock a little
 * off, still finishes before a sweeper in another process can claim the same work.
 */
final class ClaimTerms {
  static final Duration CLAIM = Duration.ofSeconds(60);
  private static final Duration USABLE = CLAIM.dividedBy(2);

  private ClaimTerms() {}

  static Instant claimUntil(Instant now) {
    return now.plus(CLAIM);
  }

  static boolean stillHeld(PendingEffects effects, Instant now) {
    return now.isBefore(effects.claimedUntil().minus(CLAIM).plus(USABLE));
  }
}
