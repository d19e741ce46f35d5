package io.udm.api;

import java.util.List;

/**
 * What {@code checkSchema} found: how many items' latest versions it checked, how many break the
 * collection's current schema, and their first {@value #MAX_VIOLATIONS} violations.
 */
public record SchemaReport(long itemsChecked, long itemsInvalid, List<SchemaViolation> violations) {
  public static final int MAX_VIOLATIONS = 1000;

  public SchemaReport {
    violations = List.copyOf(violations);
    if (itemsInvalid > itemsChecked) {
      throw new IllegalArgumentException("itemsInvalid (" + itemsInvalid + ") cannot pass itemsChecked (" + itemsChecked + ")");
    }
  }

  public boolean ok() {
    return itemsInvalid == 0;
  }
}
