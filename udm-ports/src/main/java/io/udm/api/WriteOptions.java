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
    actor().flatMap(Names::actorProblem).ifPresent(problems::add);
    reason().flatMap(Names::reasonProblem).ifPresent(problems::add);
    requestId().flatMap(Names::requestIdProblem).ifPresent(problems::add);
    if (expectedOv().isPresent() && expectedOv().getAsLong() < 0) {
      problems.add("expectedOv must be 0 or more, got " + expectedOv().getAsLong());
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }
}
