package io.udm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.VerifyProblem.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifyReportTest {
  private static final VerifyProblem GAP = new VerifyProblem(Kind.OV_GAP, "a", "ov 1 is followed by ov 3");

  @Test
  void aReportBuiltFromItsProblemsCountsExactlyThoseAndIsNotTruncated() {
    VerifyReport report = new VerifyReport(2, List.of(GAP));

    assertThat(report.problemsFound()).isEqualTo(1);
    assertThat(report.truncated()).isFalse();
    assertThat(report.ok()).isFalse();
    assertThat(new VerifyReport(2, List.of()).ok()).isTrue();
  }

  @Test
  void aReportThatFoundMoreThanItHoldsIsTruncatedAndNotOk() {
    VerifyReport report = new VerifyReport(2, List.of(GAP), 40);

    assertThat(report.truncated()).isTrue();
    assertThat(report.ok()).isFalse();
  }

  @Test
  void aReportCannotHoldMoreProblemsThanItFound() {
    assertThatThrownBy(() -> new VerifyReport(2, List.of(GAP, GAP), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("problemsFound (1)");
  }
}
