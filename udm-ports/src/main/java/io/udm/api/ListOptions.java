package io.udm.api;

import io.udm.api.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** Keyset pagination options for listings: at most {@value #MAX_LIMIT} items a page. */
@Value.Immutable
@UdmStyle
public abstract class ListOptions {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;
  private static final ListOptions DEFAULTS = builder().build();

  @Value.Default
  public int limit() {
    return DEFAULT_LIMIT;
  }

  /** The opaque cursor of the previous page's {@link Page#nextCursor()}. */
  public abstract Optional<String> cursor();

  /** An indexed property to sort by; by default items come in id (creation) order. */
  public abstract Optional<String> sortField();

  @Value.Default
  public boolean sortAscending() {
    return true;
  }

  @Value.Default
  public boolean includeDeleted() {
    return false;
  }

  public static ListOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder with {@link #sortBy(String, boolean)} beside the generated setters. */
  public static class Builder extends ImmutableListOptions.Builder {
    public Builder sortBy(String field, boolean ascending) {
      return sortField(field).sortAscending(ascending);
    }
  }

  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>();
    if (limit() < 1 || limit() > MAX_LIMIT) {
      problems.add("limit must be between 1 and " + MAX_LIMIT + ", got " + limit());
    }
    sortField()
        .filter(f -> f.isEmpty() || f.startsWith("$") || f.contains(".."))
        .ifPresent(f -> problems.add("sort field " + Names.show(f) + " is not a valid property path"));
    cursor()
        .filter(c -> c.isEmpty() || c.length() > 4096)
        .ifPresent(c -> problems.add("cursor is malformed; pass back a nextCursor exactly as returned"));
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }
}
