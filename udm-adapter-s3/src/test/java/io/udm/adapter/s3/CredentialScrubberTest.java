package io.udm.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialScrubberTest {
  private final CredentialScrubber scrubber = new CredentialScrubber("AKIAKNOWN", "known/secret+key");

  @Test
  void masksTheKnownCredentials() {
    assertThat(scrubber.scrub("id AKIAKNOWN and known/secret+key here")).isEqualTo("id *** and *** here");
  }

  @Test
  void masksSigningFragmentsWhateverTheKey() {
    String url = "https://h/b/k?X-Amz-Credential=AKIAOTHER%2F20260101%2Fus-east-1&X-Amz-Signature=abc123&x=1";
    String header = "Authorization: AWS4-HMAC-SHA256 Credential=AKIAOTHER/20260101/us-east-1/s3/aws4_request, Signature=f00";
    String xml = "<AWSAccessKeyId>AKIAOTHER</AWSAccessKeyId>";

    assertThat(scrubber.scrub(url)).doesNotContain("AKIAOTHER").doesNotContain("abc123").contains("x=1");
    assertThat(scrubber.scrub(header)).doesNotContain("AKIAOTHER").doesNotContain("f00");
    assertThat(scrubber.scrub(xml)).doesNotContain("AKIAOTHER");
  }

  @Test
  void cutsLongTextAndPassesNull() {
    assertThat(scrubber.scrub("x".repeat(50), 10)).isEqualTo("xxxxxxxxxx...");
    assertThat(scrubber.scrub(null)).isNull();
  }
}
