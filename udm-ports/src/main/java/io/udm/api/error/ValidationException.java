package io.udm.api.error;

import java.util.List;

/** Input was rejected before any write; {@link #problems()} lists every problem found, not just the first. */
public class ValidationException extends UdmException {
  private final List<String> problems;

  public ValidationException(List<String> problems) {
    super(ProblemMessages.render("invalid input", ValidationException.class, problems));
    this.problems = List.copyOf(problems);
  }

  public ValidationException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
