package io.udm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.error.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void enrichOptionsWithoutAFunctionIdIsAValidationProblem() {
    assertThatThrownBy(() -> EnrichOptions.builder().build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("functionId");
  }

  @Test
  void invalidWriteOptionsReportEveryProblem() {
    assertThatThrownBy(() -> WriteOptions.builder().objectId("../x").actor("$root").requestId("a/b").expectedOv(-1).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(4));
  }

  @Test
  void defaultsAreSane() {
    assertThat(ListOptions.defaults().limit()).isEqualTo(100);
    assertThat(ListOptions.defaults().sortAscending()).isTrue();
    assertThat(ReadOptions.defaults().includeDeleted()).isFalse();
    assertThat(WriteOptions.none().objectId()).isEmpty();
    assertThat(ShrinkOptions.dryRun().isDryRun()).isTrue();
    assertThat(ShrinkOptions.confirmed().confirm()).isTrue();
    assertThat(HardDeleteOptions.confirmed().confirm()).isTrue();
    assertThat(HardDeleteOptions.builder().build().confirm()).isFalse();
  }

  @Test
  void sortByIsOneBuilderCall() {
    ListOptions o = ListOptions.builder().sortBy("email", false).limit(5).build();
    assertThat(o.sortField()).contains("email");
    assertThat(o.sortAscending()).isFalse();
  }

  @Test
  void presignTtlMustBePositive() {
    assertThatThrownBy(() -> ReadOptions.builder().presignTtl(Duration.ZERO).build()).isInstanceOf(ValidationException.class);
  }

  @Test
  void aNullAttributeIsAValidationProblem() {
    assertThatThrownBy(() -> WriteOptions.builder().actor((String) null)).isInstanceOf(ValidationException.class);
  }

  @Test
  void anEnrichRequestTakesAMapOrAnObjectNode() {
    EnrichOptions opts = EnrichOptions.builder().functionId("f@1").build();
    EnrichRequest fromMap = new EnrichRequest("id-1", java.util.Map.of("score", 1), opts);
    EnrichRequest fromNode = new EnrichRequest("id-1", io.udm.api.json.JsonValues.parseObject("{\"score\":1}"), opts);
    assertThat(fromMap).isEqualTo(fromNode);
    assertThatThrownBy(() -> new EnrichRequest("id-1", (com.fasterxml.jackson.databind.node.ObjectNode) null, opts))
        .isInstanceOf(ValidationException.class);
  }
}
