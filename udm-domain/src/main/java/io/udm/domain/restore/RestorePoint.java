package io.udm.domain.restore;

import io.udm.api.RestoreTarget;
import io.udm.api.error.ValidationException;
import io.udm.spi.VersionRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which version of an item a restore goes back to. For an object: the version {@code ov}, or the
 * newest with {@code at <= t}. For a collection: each item's newest version with {@code cv <= N}
 * (or {@code at <= t}). "Newest" is by ov, whatever the order of times.
 */
public final class RestorePoint {
  private RestorePoint() {}

  /** Only {@link RestoreTarget.Version} and {@link RestoreTarget.AtInstant} name a state of one item. */
  public static void requireObjectTarget(RestoreTarget target) {
    if (target == null) {
      throw new ValidationException("the restore target must not be null; use RestoreTarget.version(ov) or .at(instant)");
    }
    if (target instanceof RestoreTarget.CollectionVersion cv) {
      throw new ValidationException("RestoreTarget.collectionVersion(" + cv.cv() + ") restores whole collections;"
          + " use restoreCollection, or restore the object with RestoreTarget.version(ov) or .at(instant)");
    }
  }

  /** Only {@link RestoreTarget.CollectionVersion} and {@link RestoreTarget.AtInstant} name a state of a collection. */
  public static void requireCollectionTarget(RestoreTarget target) {
    if (target == null) {
      throw new ValidationException(
          "the restore target must not be null; use RestoreTarget.collectionVersion(cv) or .at(instant)");
    }
    if (target instanceof RestoreTarget.Version v) {
      throw new ValidationException("RestoreTarget.version(" + v.ov() + ") names one item's version; restore a"
          + " collection with RestoreTarget.collectionVersion(cv) or .at(instant), or use restoreObject");
    }
  }

  /** The item's version the target names, among {@code history} (any order); empty when none qualifies. */
  public static Optional<VersionRecord> select(List<VersionRecord> history, RestoreTarget target) {
    if (target instanceof RestoreTarget.Version v) {
      return history.stream().filter(r -> r.ov() == v.ov()).findFirst();
    }
    if (target instanceof RestoreTarget.CollectionVersion cv) {
      return history.stream().filter(r -> r.cv() <= cv.cv()).max(Comparator.comparingLong(VersionRecord::ov));
    }
    RestoreTarget.AtInstant at = (RestoreTarget.AtInstant) target;
    return history.stream().filter(r -> !r.at().isAfter(at.instant())).max(Comparator.comparingLong(VersionRecord::ov));
  }

  /** A stable, key-safe name of a collection target: {@code cv-<N>} or {@code at-<seconds>.<nanos>}. */
  public static String describe(RestoreTarget target) {
    if (target instanceof RestoreTarget.CollectionVersion cv) {
      return "cv-" + cv.cv();
    }
    if (target instanceof RestoreTarget.AtInstant at) {
      return "at-" + at.instant().getEpochSecond() + "." + String.format("%09d", at.instant().getNano());
    }
    return "ov-" + ((RestoreTarget.Version) target).ov();
  }
}
