package io.udm.api.config;

import static io.udm.api.config.TestConfigs.apiExample;
import static io.udm.api.config.TestConfigs.load;
import static io.udm.api.config.TestConfigs.rejection;
import static io.udm.api.config.TestConfigs.with;
import static io.udm.api.config.TestConfigs.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.error.ValidationException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvSubstitutionTest {
  @TempDir Path dir;

  @Test
  void aWholeStringValueIsReadFromTheEnvironment() {
    ObjectNode tree = with(apiExample(), "/spacesConns/0/secretKey", "\"${S3_SECRET}\"");

    UdmConfig config = load(dir, tree, Map.of("S3_SECRET", "from-env"));

    assertThat(config.spacesConns().get(0).secretKey()).isEqualTo("from-env");
  }

  @Test
  void variablesEmbeddedInAStringAreReplacedInPlace() {
    ObjectNode tree = with(apiExample(), "/mongoUris/0", "\"mongodb://${MONGO_USER}:${MONGO_PASSWORD}@${HOST}:27017/?authSource=admin\"");

    UdmConfig config = load(dir, tree, Map.of("MONGO_USER", "udm", "MONGO_PASSWORD", "pw", "HOST", "db.example.com"));

    assertThat(config.mongoUris()).containsExactly("mongodb://udm:pw@db.example.com:27017/?authSource=admin");
  }

  @Test
  void everyStringValueIsSubstitutedIncludingListItemsMapValuesAndPredicates() {
    ObjectNode tree = apiExample();
    with(tree, "/collectionMaps/users/indexedProps/0", "\"${PROP}\"");
    with(tree, "/collectionMaps/users/validation/requiredIndexed/0", "\"${PROP}\"");
    with(tree, "/counterRules/rules/0/when", "{\"status\": \"${STATUS}\"}");
    with(tree, "/routing/chooseKey", "\"${ROUTE_KEY}\"");

    UdmConfig config = load(dir, tree, Map.of("PROP", "mail", "STATUS", "enabled", "ROUTE_KEY", "tenantId|collection"));

    assertThat(config.collectionMap("users").indexedProps()).containsExactly("mail", "status", "createdAt");
    assertThat(config.counterRules().rules().get(0).when().get("status").textValue()).isEqualTo("enabled");
    assertThat(config.routing().chooseKey()).isEqualTo("tenantId|collection");
  }

  @Test
  void aSubstitutedValueMayStandForANumberOrABoolean() {
    ObjectNode tree = apiExample();
    with(tree, "/devShadow/ttlHours", "\"${TTL_HOURS}\"");
    with(tree, "/hardDeleteEnabled", "\"${HARD_DELETE}\"");

    UdmConfig config = load(dir, tree, Map.of("TTL_HOURS", "48", "HARD_DELETE", "false"));

    assertThat(config.devShadow().ttlHours()).isEqualTo(48);
    assertThat(config.hardDeleteEnabled()).isFalse();
  }

  @Test
  void aSubstitutedNumberThatIsNotOneIsReportedWithoutItsValue() {
    ObjectNode tree = with(apiExample(), "/devShadow/ttlHours", "\"${TTL_HOURS}\"");

    ValidationException e = rejection(() -> load(dir, tree, Map.of("TTL_HOURS", "forty-eight")));

    assertThat(e.problems()).containsExactly(
        "devShadow.ttlHours: expected a whole number; the environment variable used here holds something else");
    assertThat(e.getMessage()).doesNotContain("forty-eight");
  }

  @Test
  void aQuotedNumberWithoutAVariableIsStillTheWrongType() {
    ObjectNode tree = with(apiExample(), "/devShadow/ttlHours", "\"48\"");

    assertThat(rejection(() -> load(dir, tree)).problems())
        .containsExactly("devShadow.ttlHours: expected a whole number, found a string");
  }

  @Test
  void aMissingVariableIsReportedByNameAndPathWithoutPrintingAnyValue() {
    ObjectNode tree = apiExample();
    with(tree, "/spacesConns/0/secretKey", "\"${S3_SECRET}\"");
    with(tree, "/spacesConns/0/accessKey", "\"${S3_ACCESS}\"");
    with(tree, "/mongoUris/0", "\"mongodb://${HOST}:27017\"");

    ValidationException e = rejection(() -> load(dir, tree, Map.of("S3_ACCESS", "access-value-9a1b", "HOST", "host-value-2c3d")));

    assertThat(e.problems()).containsExactly(
        "spacesConns[0].secretKey: environment variable S3_SECRET is not set; set it, or write the value instead of ${S3_SECRET}");
    assertThat(e.getMessage()).doesNotContain("access-value-9a1b", "host-value-2c3d");
  }

  @Test
  void aMissingVariableDoesNotAlsoReportTheUnsubstitutedTextAsAnInvalidValue() {
    ObjectNode tree = with(apiExample(), "/mongoUris/0", "\"${MONGO_URI}\"");

    assertThat(rejection(() -> load(dir, tree)).problems())
        .containsExactly("mongoUris[0]: environment variable MONGO_URI is not set; set it, or write the value instead of ${MONGO_URI}");
  }

  @Test
  void anEmptyVariableIsSetAndSubstitutesAnEmptyString() {
    ObjectNode tree = with(apiExample(), "/spacesConns/0/region", "\"${REGION}\"");

    assertThat(rejection(() -> load(dir, tree, Map.of("REGION", ""))).problems())
        .containsExactly("spacesConns[0].region: must not be blank; use your store's region, e.g. us-east-1 or nyc3");
  }

  @Test
  void aDoubledDollarWritesALiteralDollarBrace() {
    ObjectNode tree = with(apiExample(), "/spacesConns/0/secretKey", "\"a$${b}c\"");

    assertThat(load(dir, tree).spacesConns().get(0).secretKey()).isEqualTo("a${b}c");
  }

  @Test
  void anUnclosedOrInvalidReferenceIsAProblem() {
    ObjectNode tree = apiExample();
    with(tree, "/spacesConns/0/secretKey", "\"${S3_SECRET\"");
    with(tree, "/spacesConns/0/accessKey", "\"${1BAD}\"");

    assertThat(rejection(() -> load(dir, tree)).problems()).containsExactly(
        "spacesConns[0].accessKey: the environment variable name '1BAD' in ${...} is invalid;"
            + " use letters, digits and '_', not starting with a digit",
        "spacesConns[0].secretKey: '${' is never closed; write ${NAME} (or $${ for a literal '${')");
  }

  @Test
  void aSubstitutedValueIsNotExpandedAgain() {
    ObjectNode tree = with(apiExample(), "/spacesConns/0/secretKey", "\"${S3_SECRET}\"");

    UdmConfig config = load(dir, tree, Map.of("S3_SECRET", "${NOT_A_REFERENCE}"));

    assertThat(config.spacesConns().get(0).secretKey()).isEqualTo("${NOT_A_REFERENCE}");
  }

  @Test
  void yamlFilesAreSubstitutedToo() {
    Path yaml = write(dir, "udm.yaml", "counters:\n  mongoUri: mongodb://${COUNTERS_HOST}:27017\n  dbName: ${COUNTERS_DB}\n");

    UdmConfig config = UdmConfig.load(yaml, Map.of("COUNTERS_HOST", "c.example.com", "COUNTERS_DB", "counts")::get);

    assertThat(config.counters()).get().isEqualTo(
        CountersConfig.builder().mongoUri("mongodb://c.example.com:27017").dbName("counts").build());
  }
}
