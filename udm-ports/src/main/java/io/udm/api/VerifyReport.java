package io.udm.api;

import java.util.List;

public record VerifyReport(long itemsChecked, List<VerifyProblem> problems) {
  public VerifyReport {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
