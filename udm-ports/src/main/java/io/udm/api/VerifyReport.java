package io.udm.api;

import java.util.List;

/**
 * What {@code verify} found in a collection. {@code problems} holds at most a bounded number of
 * problems (the first ones found, so a badly damaged collection cannot exhaust memory);
 * {@code problemsFound} counts every problem, kept or not.
 */
public record VerifyReport(long itemsChecked, List<VerifyProblem> problems, long problemsFound) {
  public VerifyReport {
    problems = List.copyOf(problems);
    if (problemsFound < problems.size()) {
      throw new IllegalArgumentException("problemsFound (" + problemsFound + ") cannot be below the "
          + problems.size() + " problems the report holds");
    }
  }

  /** A report that holds every problem it found. */
  public VerifyReport(long itemsChecked, List<VerifyProblem> problems) {
    this(itemsChecked, problems, problems.size());
  }

  public boolean ok() {
    return problemsFound == 0;
  }

  /** Whether more problems were found than {@link #problems()} holds. */
  public boolean truncated() {
    return problemsFound > problems.size();
  }
}
