package io.udm.api;

import io.udm.api.error.UdmException;
import java.util.List;
import java.util.Optional;

/**
 * Some items of an {@link io.udm.api.ItemOps#enrichBatch} failed. The others were enriched and
 * stay enriched; {@link #outcomes()} holds, for every request in order, its result or its error,
 * like the MongoDB driver's bulk write exception. It lives beside {@link EnrichResult} (not in
 * {@code io.udm.api.error}) because it carries results, and errors must not depend on the API. Retry only the failed ones (each keeps its own
 * {@code requestId} semantics, so retrying a whole batch with request ids is safe too).
 */
public final class EnrichBatchException extends UdmException {
  private final transient List<Outcome> outcomes;

  public EnrichBatchException(List<Outcome> outcomes) {
    super(message(outcomes));
    this.outcomes = List.copyOf(outcomes);
    outcomes.stream().flatMap(o -> o.error().stream()).limit(10).forEach(this::addSuppressed);
  }

  /** One per request, in request order. */
  public List<Outcome> outcomes() {
    return outcomes;
  }

  /** The results of the requests that succeeded, in request order. */
  public List<EnrichResult> succeeded() {
    return outcomes.stream().flatMap(o -> o.result().stream()).toList();
  }

  /** The outcomes of the requests that failed, in request order. */
  public List<Outcome> failures() {
    return outcomes.stream().filter(o -> o.error().isPresent()).toList();
  }

  /** What became of request {@code index}: exactly one of {@code result} and {@code error} is present. */
  public record Outcome(int index, String id, Optional<EnrichResult> result, Optional<RuntimeException> error) {
    public static Outcome succeeded(int index, String id, EnrichResult result) {
      return new Outcome(index, id, Optional.of(result), Optional.empty());
    }

    public static Outcome failed(int index, String id, RuntimeException error) {
      return new Outcome(index, id, Optional.empty(), Optional.of(error));
    }

    public boolean succeeded() {
      return result.isPresent();
    }
  }

  private static String message(List<Outcome> outcomes) {
    List<Outcome> failures = outcomes.stream().filter(o -> o.error().isPresent()).toList();
    StringBuilder out = new StringBuilder()
        .append(failures.size()).append(" of ").append(outcomes.size())
        .append(" enrichments failed; the other ").append(outcomes.size() - failures.size())
        .append(" were applied. See outcomes() for each request:");
    failures.stream().limit(10).forEach(f -> out.append("\n  - request ").append(f.index())
        .append(" (item ").append(f.id() == null ? "null" : "'" + f.id() + "'").append("): ")
        .append(f.error().get().getMessage()));
    if (failures.size() > 10) {
      out.append("\n  - and ").append(failures.size() - 10).append(" more");
    }
    return out.toString();
  }
}
