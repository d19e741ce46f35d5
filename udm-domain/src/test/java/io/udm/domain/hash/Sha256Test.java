package io.udm.domain.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** Checked against the FIPS 180-2 test vectors. */
class Sha256Test {
  private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void theDigestOfBytesIsTheKnownVector() {
    assertThat(Sha256.hexOf("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
    assertThat(Sha256.hexOf(new byte[0])).isEqualTo(EMPTY);
  }

  @Test
  void textIsHashedAsUtf8() {
    assertThat(Sha256.hexOf("abc")).isEqualTo(ABC);
    assertThat(Sha256.hexOf("caf\u00e9")).isEqualTo(Sha256.hexOf(new byte[] {'c', 'a', 'f', (byte) 0xc3, (byte) 0xa9}));
  }

  @Test
  void aDigestFedPieceByPieceEqualsTheDigestOfTheWhole() {
    MessageDigest digest = Sha256.newDigest();
    digest.update((byte) 'a');
    digest.update("bc".getBytes(StandardCharsets.US_ASCII));

    assertThat(Sha256.finishHex(digest)).isEqualTo(ABC);
  }

  @Test
  void finishingResetsTheDigestForTheNextValue() {
    MessageDigest digest = Sha256.newDigest();
    digest.update("abc".getBytes(StandardCharsets.US_ASCII));
    Sha256.finishHex(digest);

    assertThat(Sha256.finishHex(digest)).isEqualTo(EMPTY);
  }

  @Test
  void everyCallGetsItsOwnDigest() {
    assertThat(Sha256.newDigest()).isNotSameAs(Sha256.newDigest());
  }
}
