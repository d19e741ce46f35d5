package io.udm.api;

import io.udm.api.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** Per-write options. All optional; {@link #none()} is the empty set. */
@Value.Immutable
@UdmStyle
public abstract class WriteOptions {
  private static final WriteOptions NONE = builder().build();

  /** Object id for a create; when absent a time-ordered, URL-safe id is generated. */
  public abstract Optional<String> objectId();

  /** The ov the item must be at; a mismatch throws {@code OptimisticLockException}. */
  public abstract OptionalLong expectedOv();

  public abstract Optional<String> actor();

  public abstract Optional<String> reason();

  /** Makes the write idempotent: a replay returns the first result instead of writing again. */
  public abstract Optional<String> requestId();

  public static WriteOptions none() {
    return NONE;
  }

  public static ImmutableWriteOptions.Builder builder() {
    return ImmutableWriteOptions.builder();
  }

  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>();
    objectId().flatMap(Names::objectIdProblem).ifPresent(problems::add);
    problems.addAll(WriteProvenanceChecks.problems(expectedOv(), actor(), reason(), requestId()));
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }
}
