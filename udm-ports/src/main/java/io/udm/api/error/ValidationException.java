package io.udm.api.error;

import java.util.List;

/** Input was rejected before any write; {@link #problems()} lists every problem found, not just the first. */
public class ValidationException extends UdmException {
  private final List<String> problems;

  public ValidationException(List<String> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  public ValidationException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }

  private static String render(List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one problem");
    }
    if (problems.size() == 1) {
      return "invalid input: " + problems.get(0);
    }
    return "invalid input (" + problems.size() + " problems):\n  - " + String.join("\n  - ", problems);
  }
}
