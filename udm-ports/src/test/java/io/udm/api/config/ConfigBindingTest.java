package io.udm.api.config;

import static io.udm.api.config.TestConfigs.apiExample;
import static io.udm.api.config.TestConfigs.load;
import static io.udm.api.config.TestConfigs.rejection;
import static io.udm.api.config.TestConfigs.with;
import static io.udm.api.config.TestConfigs.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Op;
import io.udm.api.json.JsonValues;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigBindingTest {
  @TempDir Path dir;

  @Test
  void aTypoedFieldIsReportedWithADidYouMeanSuggestion() {
    ObjectNode tree = apiExample();
    ObjectNode conn = (ObjectNode) tree.get("spacesConns").get(0);
    conn.set("jsonBuckt", conn.remove("jsonBucket"));

    assertThat(rejection(() -> load(dir, tree)).problems()).containsExactly(
        "spacesConns[0].jsonBucket: required",
        "spacesConns[0].jsonBuckt: unknown field; did you mean 'jsonBucket'?");
  }

  @Test
  void topLevelTyposAndWrongCaseGetSuggestionsToo() {
    ObjectNode tree = apiExample();
    tree.set("retenton", tree.remove("retention"));
    tree.set("HardDeleteEnabled", tree.remove("hardDeleteEnabled"));

    assertThat(rejection(() -> load(dir, tree)).problems()).containsExactly(
        "retenton: unknown field; did you mean 'retention'?",
        "HardDeleteEnabled: unknown field; did you mean 'hardDeleteEnabled'?");
  }

  @Test
  void anUnknownFieldFarFromAnyNameListsTheAllowedFields() {
    ObjectNode tree = with(apiExample(), "/routing/strategy", "\"hrw\"");

    assertThat(rejection(() -> load(dir, tree)).problems())
        .containsExactly("routing.strategy: unknown field; the fields allowed here are hashAlgo, chooseKey, drain");
  }

  @Test
  void missingRequiredValuesAreReportedByPathNeverAsAnImmutablesError() {
    ObjectNode tree = apiExample();
    with(tree, "/mongoUris/1", "\"mongodb://second:27017\"");
    with(tree, "/spacesConns/1", "{\"endpoint\": \"https://s3.example.com\", \"region\": \"eu\"}");
    without(tree, "/counters/mongoUri");
    with(tree, "/counterRules/rules/1", "{\"scope\": \"payload\"}");

    assertThat(rejection(() -> load(dir, tree)).problems()).containsExactly(
        "spacesConns[1].accessKey: required",
        "spacesConns[1].secretKey: required",
        "spacesConns[1].backupsBucket: required",
        "spacesConns[1].jsonBucket: required",
        "spacesConns[1].contentBucket: required",
        "counters.mongoUri: required",
        "counterRules.rules[1].name: required",
        "counterRules.rules[1].when: required",
        "counterRules.rules[1].on: required; list the operations to count, from CREATE, UPDATE, DELETE, ENRICH, RESTORE");
  }

  @Test
  void wrongJsonTypesAreReportedEachAtItsPath() {
    ObjectNode tree = apiExample();
    with(tree, "/hardDeleteEnabled", "\"yes\"");
    with(tree, "/devShadow/ttlHours", "1.5");
    with(tree, "/fallback/maxAttempts", "99999999999");
    with(tree, "/spacesConns/0/region", "42");
    with(tree, "/routing", "\"rendezvous\"");
    with(tree, "/collectionMaps/users/indexedProps", "\"email\"");
    with(tree, "/counterRules/rules/0/when", "[]");
    with(tree, "/retention/ver/days", "true");

    assertThat(rejection(() -> load(dir, tree)).problems()).containsExactlyInAnyOrder(
        "hardDeleteEnabled: expected true or false, found a string",
        "devShadow.ttlHours: expected a whole number, found a decimal",
        "fallback.maxAttempts: is out of range; use a whole number from -2147483648 to 2147483647",
        "spacesConns[0].region: expected a string, found a number (write it in quotes)",
        "routing: expected an object, found a string",
        "collectionMaps.users.indexedProps: expected an array (a list), found a string",
        "counterRules.rules[0].when: expected an object, found an array",
        "retention.ver.days: expected a whole number, found true/false");
  }

  @Test
  void aMistypedListItemIsReportedWithoutShiftingTheBackendPairs() {
    ObjectNode tree = with(apiExample(), "/mongoUris/0", "27017");

    assertThat(rejection(() -> load(dir, tree)).problems())
        .containsExactly("mongoUris[0]: expected a string, found a number (write it in quotes)");
  }

  @Test
  void aSpacesConnThatIsNotAnObjectIsReportedOnce() {
    ObjectNode tree = with(apiExample(), "/spacesConns/0", "\"http://127.0.0.1:9000\"");

    assertThat(rejection(() -> load(dir, tree)).problems())
        .containsExactly("spacesConns[0]: expected an object, found a string");
  }

  @Test
  void counterRuleOperationsAreCaseInsensitiveAndScopeReadsEitherCase() {
    ObjectNode tree = apiExample();
    with(tree, "/counterRules/rules/0/on", "[\"create\", \"Update\", \"DELETE\", \"enrich\", \"restore\"]");
    with(tree, "/counterRules/rules/0/scope", "\"PAYLOAD\"");

    CounterRule rule = load(dir, tree).counterRules().rules().get(0);

    assertThat(rule.on()).containsExactly(Op.CREATE, Op.UPDATE, Op.DELETE, Op.ENRICH, Op.RESTORE);
    assertThat(rule.scope()).isEqualTo(RuleScope.PAYLOAD);
  }

  @Test
  void unknownOperationsAndScopesAreReportedWithSuggestions() {
    ObjectNode tree = apiExample();
    with(tree, "/counterRules/rules/0/on", "[\"UPDTE\", \"CREATE\", \"purge\"]");
    with(tree, "/counterRules/rules/0/scope", "\"metta\"");

    assertThat(rejection(() -> load(dir, tree)).problems()).containsExactly(
        "counterRules.rules[0].on[0]: 'UPDTE' is not an operation; did you mean 'UPDATE'?"
            + " (allowed: CREATE, UPDATE, DELETE, ENRICH, RESTORE)",
        "counterRules.rules[0].on[2]: 'purge' is not an operation; use one of CREATE, UPDATE, DELETE, ENRICH, RESTORE",
        "counterRules.rules[0].scope: 'metta' is not a rule scope; did you mean 'meta'? (allowed: meta, payload)");
  }

  @Test
  void aRuleWhoseOperationsAreAllInvalidIsNotAlsoReportedAsListingNone() {
    ObjectNode tree = with(apiExample(), "/counterRules/rules/0/on", "[\"UPSERT\"]");

    assertThat(rejection(() -> load(dir, tree)).problems()).hasSize(1).allMatch(p -> p.contains("'UPSERT'"));
  }

  @Test
  void theWhenPredicateIsKeptAsTheObjectWritten() {
    String when = "{\"$or\": [{\"status\": \"active\"}, {\"email\": {\"$exists\": true}}]}";
    ObjectNode tree = with(apiExample(), "/counterRules/rules/0/when", when);

    assertThat(load(dir, tree).counterRules().rules().get(0).when()).isEqualTo(JsonValues.parseObject(when));
  }

  @Test
  void rollupIsAcceptedWhenEmptyAndRejectedOtherwise() {
    ObjectNode filled = with(apiExample(), "/rollup", "{\"daily\": true}");
    ObjectNode mistyped = with(apiExample(), "/rollup", "[]");

    assertThat(load(dir, apiExample()).rollup()).isEmpty();
    assertThat(rejection(() -> load(dir, filled)).problems())
        .containsExactly("rollup: must be empty: rollups are not supported yet; remove the field or leave it {}");
    assertThat(rejection(() -> load(dir, mistyped)).problems())
        .containsExactly("rollup: expected an object, found an array");
  }

  @Test
  void theExtraFieldsOfTheValueTypesAreAccepted() {
    ObjectNode tree = apiExample();
    with(tree, "/limits", "{\"maxDocumentBytes\": 2048, \"maxNestingDepth\": 10}");
    with(tree, "/counterRules/rules/0/collections", "[\"users\"]");
    without(tree, "/counters/dbName");

    UdmConfig config = load(dir, tree);

    assertThat(config.limits().maxDocumentBytes()).isEqualTo(2048);
    assertThat(config.limits().maxNestingDepth()).isEqualTo(10);
    assertThat(config.counterRules().rules().get(0).collections()).containsExactly("users");
    assertThat(config.counters().orElseThrow().dbName()).isEqualTo("udm_counters");
  }

  @Test
  void nullMeansTheSameAsLeavingAFieldOut() {
    ObjectNode tree = apiExample();
    with(tree, "/counters", "null");
    with(tree, "/devShadow/ttlHours", "null");

    UdmConfig config = load(dir, tree);

    assertThat(config.counters()).isEmpty();
    assertThat(config.devShadow().ttlHours()).isEqualTo(24);
  }

  @Test
  void collectionMapKeysThatNeedQuotingAppearQuotedInPaths() {
    ObjectNode tree = with(apiExample(), "/collectionMaps/bad name", "{\"indexedProps\": [\"a\"]}");

    assertThat(rejection(() -> load(dir, tree)).problems()).singleElement().asString()
        .startsWith("collectionMaps['bad name']: collection 'bad name' is invalid");
  }
}
