package io.udm.domain.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.config.LimitsConfig;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentRulesTest {
  private static final DocumentRules DEFAULTS = new DocumentRules(LimitsConfig.builder().build());

  @Test
  void aPlainNestedDocumentHasNoProblems() {
    ObjectNode item =
        json(
            """
            {"email": "a@b.c", "profile": {"name": "Ann", "tags": ["x", {"k": 1}], "_system": "mine"},
             "n": 1.5, "ok": true, "nothing": null, "caf\u00e9": "fine", "a$b": "dollar inside is fine"}
            """);

    assertThat(DEFAULTS.problems(item)).isEmpty();
    assertThatCode(() -> DEFAULTS.require(item)).doesNotThrowAnyException();
  }

  @Test
  void anItemMustBeAnObject() {
    assertThat(DEFAULTS.problems(JsonValues.NODES.arrayNode()))
        .containsExactly("an item must be a JSON object, but this is an array; wrap it in an object");
    assertThat(DEFAULTS.problems(JsonValues.NODES.textNode("x"))).singleElement().asString().contains("a string");
    assertThat(DEFAULTS.problems(JsonValues.NODES.numberNode(1))).singleElement().asString().contains("a number");
    assertThat(DEFAULTS.problems(JsonValues.NODES.nullNode())).singleElement().asString().contains("is null");
    assertThat(DEFAULTS.problems(MissingNode.getInstance())).singleElement().asString().contains("nothing");
    assertThat(DEFAULTS.problems(null)).singleElement().asString().contains("nothing");
  }

  @Test
  void theTopLevelSystemKeyIsReservedForUdm() {
    assertThat(DEFAULTS.problems(json("{\"_system\": {}}")))
        .containsExactly("the top-level key '_system' is reserved: UDM manages it; remove it from the item");
  }

  @Test
  void anEmptyKeyIsReportedWithItsPath() {
    assertThat(DEFAULTS.problems(json("{\"a\": {\"\": 1}}")))
        .singleElement()
        .asString()
        .startsWith("invalid key at $.a['']: it is empty; rename it");
  }

  @Test
  void aKeyStartingWithDollarIsReportedWithItsPathThroughArrays() {
    assertThat(DEFAULTS.problems(json("{\"a\": {\"b\": [0, 1, {\"$bad\": true}]}}")))
        .singleElement()
        .asString()
        .startsWith("invalid key at $.a.b[2].$bad: it starts with '$'; rename it");
  }

  @Test
  void aKeyContainingADotIsReported() {
    assertThat(DEFAULTS.problems(json("{\"user.name\": 1}")))
        .singleElement()
        .asString()
        .startsWith("invalid key at $['user.name']: it contains '.'");
  }

  @Test
  void aKeyContainingNulIsReportedWithTheNulEscaped() {
    ObjectNode item = JsonValues.NODES.objectNode();
    item.put("a\0b", 1);

    assertThat(DEFAULTS.problems(item))
        .singleElement()
        .asString()
        .startsWith("invalid key at $['a\\u0000b']: it contains a NUL character");
  }

  @Test
  void aKeyWithSeveralFlawsIsOneProblemNamingThemAll() {
    assertThat(DEFAULTS.problems(json("{\"$a.b\": 1}")))
        .singleElement()
        .asString()
        .contains("it starts with '$' and contains '.'");
  }

  @Test
  void beyondTwentyBadKeysTheRestAreCounted() {
    ObjectNode item = JsonValues.NODES.objectNode();
    for (int i = 0; i < 25; i++) {
      item.put("$k" + i, i);
    }

    List<String> problems = DEFAULTS.problems(item);

    assertThat(problems).hasSize(21);
    assertThat(problems.get(0)).contains("$.$k0");
    assertThat(problems.get(19)).contains("$.$k19");
    assertThat(problems.get(20)).isEqualTo("and 5 more invalid keys");
  }

  @Test
  void nestingUpToTheLimitIsAccepted() {
    DocumentRules depthThree = new DocumentRules(LimitsConfig.builder().maxNestingDepth(3).build());

    assertThat(depthThree.problems(json("{\"a\": {\"b\": [1, 2]}}"))).isEmpty();
  }

  @Test
  void nestingBeyondTheLimitNamesTheDepthFoundAndTheLimit() {
    DocumentRules depthThree = new DocumentRules(LimitsConfig.builder().maxNestingDepth(3).build());

    assertThat(depthThree.problems(json("{\"a\": {\"b\": [1, [2, {\"c\": {}}]]}}")))
        .containsExactly(
            "the item nests objects and arrays 6 levels deep; at most 3 are allowed"
                + " (the limit is first passed at $.a.b[1]); flatten it");
  }

  @Test
  void aTenThousandLevelObjectIsAProblemNotAStackOverflow() {
    ObjectNode item = JsonValues.NODES.objectNode();
    ObjectNode innermost = item;
    for (int level = 2; level <= 10_000; level++) {
      innermost = innermost.putObject("a");
    }

    List<String> problems = DEFAULTS.problems(item);

    assertThat(problems).singleElement().asString()
        .startsWith("the item nests objects and arrays 10000 levels deep; at most 64 are allowed")
        .contains("$.a.a.a");
  }

  @Test
  void aTenThousandLevelArrayIsAProblemNotAStackOverflow() {
    ObjectNode item = JsonValues.NODES.objectNode();
    ArrayNode innermost = item.putArray("list");
    for (int level = 3; level <= 10_000; level++) {
      innermost = innermost.addArray();
    }

    List<String> problems = DEFAULTS.problems(item);

    assertThat(problems).singleElement().asString()
        .startsWith("the item nests objects and arrays 10000 levels deep; at most 64 are allowed")
        .contains("$.list[0][0]");
  }

  @Test
  void aVeryDeepPathIsShortenedInTheMessage() {
    DocumentRules depthHundred = new DocumentRules(LimitsConfig.builder().maxNestingDepth(100).build());
    ObjectNode item = JsonValues.NODES.objectNode();
    ObjectNode innermost = item;
    for (int level = 2; level <= 200; level++) {
      innermost = innermost.putObject("a");
    }

    String problem = depthHundred.problems(item).get(0);

    assertThat(problem).contains(" ... (76 more steps) ... ").hasSizeLessThan(300);
  }

  @Test
  void anItemUpToTheSizeLimitIsAccepted() {
    ObjectNode item = json("{\"a\":\"0123456789\"}");
    int size = JsonValues.toBytes(item).length;
    DocumentRules exactlyThatBig = new DocumentRules(LimitsConfig.builder().maxDocumentBytes(size).build());

    assertThat(exactlyThatBig.problems(item)).isEmpty();
  }

  @Test
  void anItemOverTheSizeLimitNamesItsSizeAndTheLimit() {
    ObjectNode item = json("{\"a\":\"0123456789\"}"); // 18 bytes as compact JSON
    DocumentRules tenBytes = new DocumentRules(LimitsConfig.builder().maxDocumentBytes(10).build());

    assertThat(tenBytes.problems(item))
        .containsExactly("the item is 18 bytes as JSON; at most 10 are allowed; make it smaller");
  }

  @Test
  void sizeCountsUtf8Bytes() {
    ObjectNode item = json("{\"a\":\"\u00e9\u00e9\"}"); // {"a":"éé"} is 10 characters, 12 UTF-8 bytes
    DocumentRules elevenBytes = new DocumentRules(LimitsConfig.builder().maxDocumentBytes(11).build());

    assertThat(elevenBytes.problems(item)).singleElement().asString().startsWith("the item is 12 bytes");
  }

  @Test
  void aTooDeepItemIsNeverSerializedToMeasureItsSize() {
    ObjectNode item = JsonValues.NODES.objectNode();
    ObjectNode innermost = item;
    for (int level = 2; level <= 10_000; level++) {
      innermost = innermost.putObject("a");
    }
    DocumentRules tinyAndShallow = new DocumentRules(LimitsConfig.builder().maxDocumentBytes(1).build());

    // Serializing 10,000 levels would overflow the stack; the depth problem stands alone.
    assertThat(tinyAndShallow.problems(item)).singleElement().asString().contains("10000 levels deep");
  }

  @Test
  void allProblemsAreReportedTogether() {
    ObjectNode item = json("{\"_system\": 1, \"a.b\": 1, \"deep\": {\"x\": {\"\": 1}}}");
    DocumentRules depthTwo = new DocumentRules(LimitsConfig.builder().maxNestingDepth(2).build());

    List<String> problems = depthTwo.problems(item);

    assertThat(problems).hasSize(4);
    assertThat(problems.get(0)).contains("'_system' is reserved");
    assertThat(problems.get(1)).contains("$['a.b']");
    assertThat(problems.get(2)).contains("$.deep.x['']");
    assertThat(problems.get(3)).contains("3 levels deep; at most 2");
  }

  @Test
  void keyProblemsAndSizeAreReportedTogether() {
    ObjectNode item = json("{\"_system\": 1, \"$x\": \"a long enough value\"}");
    DocumentRules tenBytes = new DocumentRules(LimitsConfig.builder().maxDocumentBytes(10).build());

    List<String> problems = tenBytes.problems(item);

    assertThat(problems).hasSize(3);
    assertThat(problems.get(2)).startsWith("the item is ");
  }

  @Test
  void requireThrowsAValidationExceptionListingEveryProblem() {
    ObjectNode item = json("{\"_system\": 1, \"$x\": 1}");

    assertThatThrownBy(() -> DEFAULTS.require(item))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.problems()).isEqualTo(DEFAULTS.problems(item)).hasSize(2));
  }

  private static ObjectNode json(String text) {
    JsonNode node = JsonValues.parseObject(text);
    return (ObjectNode) node;
  }

  @Test
  void aContentReferenceIsAllowedAtAConfiguredPathOnly() {
    JsonNode item = JsonValues.parseObject("{\"avatar\": {\"$content\": {\"key\": \"k\"}},"
        + " \"other\": {\"$content\": {}}}");

    assertThat(DEFAULTS.problems(item, List.of("avatar"))).singleElement().asString().contains("$.other.$content");
    assertThat(DEFAULTS.problems(item, List.of("avatar", "other"))).isEmpty();
    assertThat(DEFAULTS.problems(item)).hasSize(2);
  }

  @Test
  void aReferenceInstanceSharedWithAnotherPathIsCheckedThere() {
    ObjectNode item = JsonValues.parseObject("{\"avatar\": {\"$content\": {\"key\": \"k\"}}}");
    item.set("profile", item.get("avatar"));

    assertThat(DEFAULTS.problems(item, List.of("avatar"))).singleElement().asString().contains("$.profile.$content");
  }

  @Test
  void base64AtAConfiguredPathDoesNotCountAgainstTheDocumentSize() {
    DocumentRules small = new DocumentRules(LimitsConfig.builder().maxDocumentBytes(1024).build());
    JsonNode item = JsonValues.parseObject("{\"avatar\": \"" + "A".repeat(4000) + "\", \"n\": 1}");

    assertThat(small.problems(item)).singleElement().asString().contains("at most 1024");
    assertThat(small.problems(item, List.of("avatar"))).isEmpty();
  }
}
