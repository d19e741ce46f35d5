package io.udm.api;

import io.udm.api.error.ValidationException;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How far a long operation has got: {@code done} {@code unit}s (such as "items") of {@code total},
 * when the total is known in advance.
 */
public record Progress(String task, String unit, long done, OptionalLong total) {
  public Progress {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(total, "total");
    if (done < 0 || total.isPresent() && total.getAsLong() < 0) {
      throw new ValidationException("progress counts cannot be negative: done " + done + ", total " + total);
    }
  }

  /** {@code done} items so far, the total unknown. */
  public static Progress items(String task, long done) {
    return new Progress(task, "items", done, OptionalLong.empty());
  }
}
