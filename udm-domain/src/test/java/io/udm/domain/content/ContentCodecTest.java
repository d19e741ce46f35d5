package io.udm.domain.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.ContentRef;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentCodecTest {
  private static final long SEED = Long.getLong("udm.seed", 7L);

  @Test
  void canonicalBase64RoundTripsAndItsSizeIsKnownWithoutDecoding() {
    System.out.println("ContentCodecTest seed " + SEED + " (rerun with -Dudm.seed=" + SEED + ")");
    Random random = new Random(SEED);
    for (int i = 0; i < 2_000; i++) {
      byte[] bytes = new byte[random.nextInt(300)];
      random.nextBytes(bytes);
      String base64 = Base64.getEncoder().encodeToString(bytes);

      assertThat(ContentCodec.decodedSize(base64)).as(base64).isEqualTo(bytes.length);
      assertThat(ContentCodec.decode(base64, false).get()).isEqualTo(bytes);
    }
  }

  @Test
  void nonCanonicalOrInvalidBase64IsRefusedWithTheReason() {
    assertThat(ContentCodec.decode("AQ", false).getLeft()).contains("canonical");
    assertThat(ContentCodec.decode("AR==", false).getLeft()).contains("canonical");
    assertThat(ContentCodec.decode("AQE=", false).isRight()).isTrue();
    assertThat(ContentCodec.decode("AQF=", false).getLeft()).contains("canonical");
    assertThat(ContentCodec.decode("AQ==\n", false).getLeft()).contains("not valid base64");
    assertThat(ContentCodec.decode("A Q==", false).getLeft()).contains("not valid base64");
    assertThat(ContentCodec.decode("-_8=", false).getLeft()).contains("not valid base64");
    assertThat(ContentCodec.decode("", false).get()).isEmpty();
  }

  @Test
  void textIsRequiredToBeUtf8OnlyWhenAsked() {
    String notUtf8 = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xc3, 0x28});
    assertThat(ContentCodec.decode(notUtf8, false).isRight()).isTrue();
    assertThat(ContentCodec.decode(notUtf8, true).getLeft()).contains("UTF-8");
  }

  @Test
  void inlineValuesAreTheCanonicalBase64OrTheText() {
    byte[] text = "caf\u00e9".getBytes(StandardCharsets.UTF_8);
    ContentRef ref = ref(text);

    assertThat(ContentCodec.inlineValue(ref, text, false).get().textValue()).isEqualTo(Base64.getEncoder().encodeToString(text));
    assertThat(ContentCodec.inlineValue(ref, text, true).get().textValue()).isEqualTo("caf\u00e9");
  }

  @Test
  void bytesThatDoNotMatchTheReferenceAreDamageNotContent() {
    byte[] stored = {1, 2, 3};
    ContentRef ref = ref(stored);

    assertThat(ContentCodec.inlineValue(ref, new byte[] {1, 2, 4}, false).getLeft()).contains("changed outside UDM");
    assertThat(ContentCodec.inlineValue(ref, new byte[] {1, 2}, false).isLeft()).isTrue();
  }

  private static ContentRef ref(byte[] bytes) {
    return new ContentRef("p", "t/a/d/c/o/c/x", "text/plain", bytes.length, ContentCodec.sha256Hex(bytes), Optional.empty());
  }
}
