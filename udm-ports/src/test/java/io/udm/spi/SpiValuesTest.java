package io.udm.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.RouteContext;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import org.junit.jupiter.api.Test;

class SpiValuesTest {
  @Test
  void aHeadQueryNeedsAPositiveLimit() {
    RouteContext c = RouteContext.of("t", "d", "c");
    assertThatThrownBy(() -> HeadQuery.all(c, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    assertThat(HeadQuery.all(c, 1).limit()).isEqualTo(1);
  }

  @Test
  void aListPositionHandsOutCopies() {
    ListPosition p = new ListPosition(JsonValues.parseObject("{\"a\":1}"), "id-1");
    ((com.fasterxml.jackson.databind.node.ObjectNode) p.sortValue()).put("a", 2);
    assertThat(p.sortValue().path("a").asInt()).isEqualTo(1);
    assertThat(new ListPosition(null, "id").sortValue().isNull()).isTrue();
  }

  @Test
  void anItemKeyValidatesItsObjectId() {
    assertThatThrownBy(() -> ItemKey.of(RouteContext.of("t", "d", "c"), "../x")).isInstanceOf(ValidationException.class);
  }
}
