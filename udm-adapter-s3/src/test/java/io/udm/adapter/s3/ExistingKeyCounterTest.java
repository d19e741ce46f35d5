package io.udm.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExistingKeyCounterTest {
  @Test
  void keyOrderIsCodePointOrderLikeS3NotUtf16Order() {
    String privateUse = "k/\uFFFD";
    String emoji = "k/\uD83D\uDE00"; // U+1F600: above U+FFFD as a code point, below it in UTF-16

    List<String> sorted = Stream.of(emoji, privateUse, "k/a", "k/").sorted(ExistingKeyCounter.S3_KEY_ORDER).toList();

    assertThat(sorted).containsExactly("k/", "k/a", privateUse, emoji);
    assertThat(emoji.compareTo(privateUse)).isNegative();
  }
}
