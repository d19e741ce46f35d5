package io.udm.api;

import io.udm.api.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** Options of an enrichment: which function produced the patch, and optional concurrency guard. */
@Value.Immutable
@UdmStyle
public abstract class EnrichOptions {
  /** Provenance of the patch, such as {@code scorer@v1}; recorded once in {@code _system.functionIds}. */
  public abstract String functionId();

  public abstract OptionalLong expectedOv();

  public abstract Optional<String> actor();

  public abstract Optional<String> reason();

  public abstract Optional<String> requestId();

  public static ImmutableEnrichOptions.Builder builder() {
    return ImmutableEnrichOptions.builder();
  }

  /** The enrichment's options viewed as a plain write's. */
  public WriteOptions asWriteOptions() {
    ImmutableWriteOptions.Builder b = WriteOptions.builder().expectedOv(expectedOv());
    actor().ifPresent(b::actor);
    reason().ifPresent(b::reason);
    requestId().ifPresent(b::requestId);
    return b.build();
  }

  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>();
    Names.functionIdProblem(functionId()).ifPresent(problems::add);
    problems.addAll(WriteProvenanceChecks.problems(expectedOv(), actor(), reason(), requestId()));
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }
}
