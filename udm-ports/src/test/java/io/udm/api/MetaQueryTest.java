package io.udm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetaQueryTest {
  private static final String DOC =
      "{\"status\":\"active\",\"age\":30,\"score\":2.5,\"tags\":[\"a\",\"b\"],\"nil\":null,"
          + "\"profile\":{\"city\":\"Paris\"},\"flag\":true}";

  private static boolean matches(String filter) {
    return MetaQuery.fromJson(filter).matches(JsonValues.parseObject(DOC));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{}|true",
      "{\"status\":\"active\"}|true",
      "{\"status\":\"gone\"}|false",
      "{\"age\":30.0}|true",
      "{\"age\":{\"$eq\":30}}|true",
      "{\"age\":{\"$ne\":30}}|false",
      "{\"missing\":{\"$ne\":1}}|true",
      "{\"age\":{\"$gt\":29,\"$lt\":31}}|true",
      "{\"age\":{\"$gte\":30,\"$lte\":30}}|true",
      "{\"age\":{\"$gt\":30}}|false",
      "{\"age\":{\"$gt\":\"1\"}}|false",
      "{\"status\":{\"$gt\":\"a\"}}|true",
      "{\"status\":{\"$in\":[\"x\",\"active\"]}}|true",
      "{\"status\":{\"$nin\":[\"x\",\"active\"]}}|false",
      "{\"tags\":\"a\"}|true",
      "{\"tags\":[\"a\",\"b\"]}|true",
      "{\"tags\":{\"$in\":[\"z\",\"b\"]}}|true",
      "{\"nil\":null}|true",
      "{\"missing\":null}|true",
      "{\"missing\":{\"$exists\":false}}|true",
      "{\"nil\":{\"$exists\":true}}|true",
      "{\"profile.city\":\"Paris\"}|true",
      "{\"profile\":{\"city\":\"Paris\"}}|true",
      "{\"flag\":true}|true",
      "{\"$or\":[{\"age\":1},{\"flag\":true}]}|true",
      "{\"$and\":[{\"age\":30},{\"flag\":false}]}|false",
      "{\"$or\":[{\"age\":1},{\"$and\":[{\"score\":{\"$gt\":2}},{\"status\":\"active\"}]}]}|true"
  })
  void evaluatesLikeMongoDb(String filter, boolean expected) {
    assertThat(matches(filter)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"$where\":\"sleep(1000)\"}",
      "{\"$expr\":{\"$gt\":[\"$a\",1]}}",
      "{\"$function\":{}}",
      "{\"a\":{\"$regex\":\".*\"}}",
      "{\"a\":{\"$where\":\"1\"}}",
      "{\"a\":{\"$elemMatch\":{}}}",
      "{\"$nor\":[{\"a\":1}]}",
      "{\"a\":{\"$eq\":{\"$gt\":1}}}",
      "{\"a\":{\"$in\":[{\"$ne\":null}]}}",
      "{\"$a\":1}",
      "{\"a..b\":1}",
      "{\".a\":1}",
      "{\"a.$b\":1}",
      "{\"a\":{\"$in\":1}}",
      "{\"a\":{\"$exists\":1}}",
      "{\"a\":{\"$gt\":[1]}}",
      "{\"$or\":[]}",
      "{\"$or\":{\"a\":1}}",
      "{\"$and\":[1]}",
      "{\"a\":\"x\\u0000y\"}",
      "not json",
      "[1,2]"
  })
  void rejectsAnythingOutsideTheAllowedLanguage(String filter) {
    assertThatThrownBy(() -> MetaQuery.fromJson(filter)).isInstanceOf(ValidationException.class);
  }

  @Test
  void rangesLookOneLevelIntoArraysLikeMongoDb() {
    assertThat(MetaQuery.fromJson("{\"v\":{\"$gt\":0}}").matches(JsonValues.parseObject("{\"v\":[0,1]}"))).isTrue();
    assertThat(MetaQuery.fromJson("{\"v\":{\"$gt\":0}}").matches(JsonValues.parseObject("{\"v\":[[1]]}"))).isFalse();
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> MetaQuery.fromJson("{\"$where\":\"1\",\"a\":{\"$regex\":\"x\"},\"b\":{\"$in\":3}}"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(3)
            .anyMatch(p -> p.contains("$where"))
            .anyMatch(p -> p.contains("$regex"))
            .anyMatch(p -> p.contains("$in")));
  }

  @Test
  void rejectsOversizedOperandsAndDeepNesting() {
    String longValue = "x".repeat(MetaQuery.MAX_STRING + 1);
    assertThatThrownBy(() -> MetaQuery.of(Map.of("a", longValue))).isInstanceOf(ValidationException.class);
    String deep = "{\"a\":1}";
    for (int i = 0; i < MetaQuery.MAX_DEPTH + 2; i++) {
      deep = "{\"$and\":[" + deep + "]}";
    }
    String nested = deep;
    assertThatThrownBy(() -> MetaQuery.fromJson(nested)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("deeper");
  }

  @Test
  void namesItsFieldsAndRejectsNonIndexedOnes() {
    MetaQuery q = MetaQuery.fromJson("{\"a\":1,\"$or\":[{\"b.c\":2},{\"d\":{\"$exists\":true}}]}");
    assertThat(q.fields()).isEqualTo(Set.of("a", "b.c", "d"));
    assertThat(q.requireIndexed(List.of("a", "b.c", "d"), "c")).isSameAs(q);
    assertThatThrownBy(() -> q.requireIndexed(List.of("a"), "users"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(2)
            .allMatch(p -> p.contains("users")));
  }

  @Test
  void mapAndJsonFormsAreTheSameQuery() {
    MetaQuery fromMap = MetaQuery.of(Map.of("age", Map.of("$gte", 30)));
    assertThat(fromMap.matches(JsonValues.parseObject(DOC))).isTrue();
    assertThat(fromMap.root()).isEqualTo(MetaQuery.fromJson("{\"age\":{\"$gte\":30}}").root());
  }
}
