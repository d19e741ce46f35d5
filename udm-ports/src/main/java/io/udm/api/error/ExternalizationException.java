package io.udm.api.error;

import java.util.List;

/**
 * A configured base64 property could not be externalized (wrong type, invalid base64, too large, a
 * reference to content the item does not hold); nothing was written. {@link #problems()} lists
 * every property that failed.
 */
public class ExternalizationException extends UdmException {
  private final List<String> problems;

  public ExternalizationException(String message) {
    this(List.of(message));
  }

  public ExternalizationException(List<String> problems) {
    super(ProblemMessages.render("cannot store content", ExternalizationException.class, problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
