package io.udm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.VerifyProblem;
import io.udm.api.VerifyProblem.Kind;
import io.udm.api.VerifyReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first line of {@code udm verify}: a report that holds only the first problems says how many there were. */
class VerifySummaryTest {
  private static final VerifyProblem ORPHAN = new VerifyProblem(Kind.ORPHAN_PAYLOAD, "a", "payload x");

  @Test
  void aCleanCollectionSaysNoProblems() {
    assertThat(VerifyCommand.summary(new VerifyReport(3, List.of()), "acme/crm/users"))
        .isEqualTo("3 items checked in acme/crm/users: no problems");
  }

  @Test
  void aCompleteReportCountsItsProblems() {
    assertThat(VerifyCommand.summary(new VerifyReport(3, List.of(ORPHAN, ORPHAN)), "acme/crm/users"))
        .isEqualTo("3 items checked in acme/crm/users: 2 problems");
  }

  @Test
  void aTruncatedReportSaysHowManyThereWereAndHowManyAreShown() {
    VerifyReport report = new VerifyReport(5000, List.of(ORPHAN, ORPHAN), 1234);

    assertThat(VerifyCommand.summary(report, "acme/crm/users"))
        .isEqualTo("5000 items checked in acme/crm/users: 1234 problems, first 2 shown");
  }
}
