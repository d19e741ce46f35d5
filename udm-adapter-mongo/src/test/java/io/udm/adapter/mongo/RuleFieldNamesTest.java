package io.udm.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RuleFieldNamesTest {
  @Property(tries = 500)
  void everyRuleNameRoundTripsAndIsASafeFieldName(@ForAll("names") String name) {
    String field = RuleFieldNames.encode(name);

    assertThat(RuleFieldNames.decode(field)).isEqualTo(name);
    assertThat(field).doesNotContain(".", "$").isNotEmpty();
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withChars("ab.$%2E4_").ofMaxLength(10);
  }
}
