package io.udm.domain.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.json.JsonValues;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetaExtractorTest {
  private static final ObjectNode USER =
      JsonValues.parseObject(
          """
          {"email": "ann@example.com", "status": "active", "score": 7,
           "profile": {"email": "ann@home.example", "city": "Oslo", "tags": ["a", "b"]},
           "nickname": null, "big": "not indexed"}
          """);

  @Test
  void extractsTheIndexedTopLevelProps() {
    ObjectNode meta = MetaExtractor.extract(USER, List.of("email", "status", "score"));

    assertThat(meta).isEqualTo(json("{\"email\": \"ann@example.com\", \"status\": \"active\", \"score\": 7}"));
  }

  @Test
  void aNestedPathKeepsItsNesting() {
    ObjectNode meta = MetaExtractor.extract(USER, List.of("profile.email", "profile.tags"));

    assertThat(meta).isEqualTo(json("{\"profile\": {\"email\": \"ann@home.example\", \"tags\": [\"a\", \"b\"]}}"));
  }

  @Test
  void absentPropsAreLeftOut() {
    ObjectNode meta = MetaExtractor.extract(USER, List.of("email", "createdAt", "profile.zip", "email.local"));

    assertThat(meta).isEqualTo(json("{\"email\": \"ann@example.com\"}"));
  }

  @Test
  void anExplicitNullIsKept() {
    ObjectNode meta = MetaExtractor.extract(USER, List.of("nickname"));

    assertThat(meta).isEqualTo(json("{\"nickname\": null}"));
  }

  @Test
  void aParentAndItsChildBothIndexedGiveTheWholeParentInAnyOrder() {
    ObjectNode parentFirst = MetaExtractor.extract(USER, List.of("profile", "profile.city"));
    ObjectNode childFirst = MetaExtractor.extract(USER, List.of("profile.city", "profile"));

    assertThat(parentFirst).isEqualTo(childFirst).isEqualTo(json("{\"profile\": " + USER.get("profile") + "}"));
  }

  @Test
  void extractedValuesAreCopiesNotSharedWithTheItem() {
    ObjectNode item = JsonValues.parseObject("{\"profile\": {\"tags\": [\"a\"]}}");

    ObjectNode meta = MetaExtractor.extract(item, List.of("profile.tags"));
    ((com.fasterxml.jackson.databind.node.ArrayNode) item.get("profile").get("tags")).add("changed later");

    assertThat(meta).isEqualTo(json("{\"profile\": {\"tags\": [\"a\"]}}"));
  }

  @Test
  void noIndexedPropsGiveAnEmptyMeta() {
    assertThat(MetaExtractor.extract(USER, List.of())).isEmpty();
  }

  @Test
  void presentRequiredPropsAreNoProblem() {
    assertThat(MetaExtractor.missingRequired(USER, List.of("email", "profile.city", "score"), "users")).isEmpty();
  }

  @Test
  void aMissingRequiredPropIsOneProblemSayingWhatToDo() {
    assertThat(MetaExtractor.missingRequired(USER, List.of("createdAt"), "users"))
        .containsExactly("required indexed property 'createdAt' is missing in collection 'users'; set it in the item");
  }

  @Test
  void aNullRequiredPropIsAProblemToo() {
    assertThat(MetaExtractor.missingRequired(USER, List.of("nickname"), "users"))
        .containsExactly("required indexed property 'nickname' is null in collection 'users'; set it to a value in the item");
  }

  @Test
  void everyMissingRequiredPropIsReportedIncludingNestedOnes() {
    List<String> problems =
        MetaExtractor.missingRequired(USER, List.of("email", "profile.zip", "createdAt", "nickname"), "users");

    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).contains("'profile.zip' is missing");
    assertThat(problems.get(1)).contains("'createdAt' is missing");
    assertThat(problems.get(2)).contains("'nickname' is null");
  }

  private static ObjectNode json(String text) {
    return JsonValues.parseObject(text);
  }
}
