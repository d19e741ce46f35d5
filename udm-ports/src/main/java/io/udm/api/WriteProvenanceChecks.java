package io.udm.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The checks every write's options share: expected ov, actor, reason and request id. */
final class WriteProvenanceChecks {
  private WriteProvenanceChecks() {}

  static List<String> problems(OptionalLong expectedOv, Optional<String> actor, Optional<String> reason,
      Optional<String> requestId) {
    List<String> problems = new ArrayList<>();
    actor.flatMap(Names::actorProblem).ifPresent(problems::add);
    reason.flatMap(Names::reasonProblem).ifPresent(problems::add);
    requestId.flatMap(Names::requestIdProblem).ifPresent(problems::add);
    if (expectedOv.isPresent() && expectedOv.getAsLong() < 0) {
      problems.add("expectedOv must be 0 or more, got " + expectedOv.getAsLong());
    }
    return problems;
  }
}
