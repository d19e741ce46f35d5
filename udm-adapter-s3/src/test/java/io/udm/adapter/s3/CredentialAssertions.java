package io.udm.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Checks that a failure, everything it prints and every cause, is free of credentials and SDK types. */
final class CredentialAssertions {
  private CredentialAssertions() {}

  static void assertCredentialFree(Throwable failure, String... credentials) {
    StringWriter printed = new StringWriter();
    failure.printStackTrace(new PrintWriter(printed));
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(t.getClass().getName()).doesNotStartWith("software.amazon");
      for (String credential : credentials) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(credential);
        assertThat(t.toString()).doesNotContain(credential);
      }
    }
    for (String credential : credentials) {
      assertThat(printed.toString()).doesNotContain(credential);
    }
  }
}
