package io.udm.api;

import io.udm.api.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * Where to read a collection's change feed from: the versions committed after {@code afterCv}, at
 * most {@code limit} ({@value #MAX_LIMIT} at most), with their data when {@code includeData}.
 */
@Value.Immutable
@UdmStyle
public abstract class ChangeQuery {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  /** The last cv already read; 0 reads from the start. Hand back {@link ChangePage#nextAfterCv()}. */
  @Value.Default
  public long afterCv() {
    return 0;
  }

  @Value.Default
  public int limit() {
    return DEFAULT_LIMIT;
  }

  @Value.Default
  public boolean includeData() {
    return false;
  }

  /** The feed from its start, {@value #DEFAULT_LIMIT} changes a page, without data. */
  public static ChangeQuery fromStart() {
    return builder().build();
  }

  public static ImmutableChangeQuery.Builder builder() {
    return ImmutableChangeQuery.builder();
  }

  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>();
    if (afterCv() < 0) {
      problems.add("afterCv must be 0 or more, got " + afterCv());
    }
    if (limit() < 1 || limit() > MAX_LIMIT) {
      problems.add("limit must be between 1 and " + MAX_LIMIT + ", got " + limit());
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }
}
