package io.udm.app.write;

import io.udm.api.RestoreTarget;
import io.udm.spi.BackendPorts;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.util.Optional;

/** Explains a restore target that names no kept version. */
final class RestoreTargets {
  private RestoreTargets() {}

  static String missing(BackendPorts backend, ItemKey key, RestoreTarget to) {
    Optional<VersionRecord> oldest = backend.versions().history(key).stream().findFirst();
    String kept = oldest
        .map(o -> " (its oldest kept version is ov " + o.ov() + " at " + o.at() + ")")
        .orElse("");
    if (to instanceof RestoreTarget.Version v) {
      return "item '" + key.objectId() + "' has no version " + v.ov() + ": it never existed or retention pruned it"
          + kept + "; pick a version from history(id)";
    }
    return "item '" + key.objectId() + "' has no version at or before " + ((RestoreTarget.AtInstant) to).instant()
        + ": it did not exist yet, or retention pruned that version" + kept + "; pick a later instant";
  }
}
