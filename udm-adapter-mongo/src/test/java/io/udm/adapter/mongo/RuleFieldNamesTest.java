package io.udm.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RuleFieldNamesTest {
  private static final long SEED = Long.getLong("udm.seed", 4242L);

  @Test
  void everyRuleNameRoundTripsAndIsASafeFieldName() {
    System.out.println("RuleFieldNamesTest seed " + SEED + " (rerun with -Dudm.seed=" + SEED + ")");
    Random random = new Random(SEED);
    String alphabet = "ab.$%2E4_";
    for (int trial = 0; trial < 500; trial++) {
      StringBuilder name = new StringBuilder();
      int length = random.nextInt(11);
      for (int i = 0; i < length; i++) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String field = RuleFieldNames.encode(name.toString());

      assertThat(RuleFieldNames.decode(field)).as("name '%s' (seed %s)", name, SEED).isEqualTo(name.toString());
      assertThat(field).doesNotContain(".", "$").isNotEmpty();
    }
  }
}
