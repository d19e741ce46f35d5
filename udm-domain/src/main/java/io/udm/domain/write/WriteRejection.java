package io.udm.domain.write;

import java.util.List;

/** Why the domain refused a write; the use case turns it into the matching public exception. */
public sealed interface WriteRejection {
  /** The request itself is invalid. */
  record Invalid(List<String> problems) implements WriteRejection {
    public Invalid {
      problems = List.copyOf(problems);
    }
  }

  /** The item is not at the version the write expected (0 = absent). */
  record Stale(String objectId, long expectedOv, long actualOv) implements WriteRejection {}

  /** The item does not exist, or is deleted and the write needs a live item. */
  record Missing(String detail) implements WriteRejection {}
}
