package io.udm.api.error;

import java.util.List;

/** The message of an exception that carries a list of problems: one line, or a bulleted list. */
final class ProblemMessages {
  private ProblemMessages() {}

  static String render(String lead, Class<?> exception, List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a " + exception.getSimpleName() + " needs at least one problem");
    }
    if (problems.size() == 1) {
      return lead + ": " + problems.get(0);
    }
    return lead + " (" + problems.size() + " problems):\n  - " + String.join("\n  - ", problems);
  }
}
