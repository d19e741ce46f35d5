package io.udm.spi;

import java.util.Objects;

/** A committed version whose after-commit work is still owed. */
public record PendingVersion(VersionRecord version, PendingEffects effects) {
  public PendingVersion {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(effects, "effects");
  }
}
