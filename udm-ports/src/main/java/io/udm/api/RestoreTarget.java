package io.udm.api;

import io.udm.api.error.ValidationException;
import java.time.Instant;
import java.util.Objects;

/** The state a restore goes back to. */
public sealed interface RestoreTarget {
  /** An item's version {@code ov}. */
  static RestoreTarget version(long ov) {
    return new Version(ov);
  }

  /** The state at an instant: the newest version with {@code at <= instant}. */
  static RestoreTarget at(Instant instant) {
    return new AtInstant(instant);
  }

  /** Collections only: each item's newest version with {@code cv <= cv}. */
  static RestoreTarget collectionVersion(long cv) {
    return new CollectionVersion(cv);
  }

  record Version(long ov) implements RestoreTarget {
    public Version {
      if (ov < 1) {
        throw new ValidationException("restore target ov must be 1 or more, got " + ov);
      }
    }
  }

  record AtInstant(Instant instant) implements RestoreTarget {
    public AtInstant {
      Objects.requireNonNull(instant, "restore target instant");
    }
  }

  record CollectionVersion(long cv) implements RestoreTarget {
    public CollectionVersion {
      if (cv < 0) {
        throw new ValidationException("restore target cv must be 0 or more, got " + cv);
      }
    }
  }
}
