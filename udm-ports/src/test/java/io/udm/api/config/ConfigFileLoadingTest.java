package io.udm.api.config;

import static io.udm.api.config.TestConfigs.NO_ENV;
import static io.udm.api.config.TestConfigs.rejection;
import static io.udm.api.config.TestConfigs.resource;
import static io.udm.api.config.TestConfigs.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.Op;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileLoadingTest {
  @TempDir Path dir;

  @Test
  void theApiExampleLoadsUnchangedWithTheDocumentedValues() {
    UdmConfig config = UdmConfig.load(resource("api-example.json"), NO_ENV);

    assertThat(config.mongoUris()).containsExactly("mongodb://localhost:27017");
    assertThat(config.spacesConns()).hasSize(1);
    SpacesConn conn = config.spacesConns().get(0);
    assertThat(conn.endpoint()).isEqualTo("http://127.0.0.1:9000");
    assertThat(conn.region()).isEqualTo("us-east-1");
    assertThat(conn.accessKey()).isEqualTo("AK");
    assertThat(conn.secretKey()).isEqualTo("SK");
    assertThat(conn.backupsBucket()).isEqualTo("udm-backups");
    assertThat(conn.jsonBucket()).isEqualTo("udm-json");
    assertThat(conn.contentBucket()).isEqualTo("udm-content");
    assertThat(conn.forcePathStyle()).isTrue();
    assertThat(config.counters()).get().satisfies(counters -> {
      assertThat(counters.mongoUri()).isEqualTo("mongodb://localhost:27017");
      assertThat(counters.dbName()).isEqualTo("udm_counters");
    });
    assertThat(config.routing().hashAlgo()).isEqualTo("rendezvous");
    assertThat(config.routing().chooseKey()).isEqualTo("tenantId|dbName|collection");
    assertThat(config.rollup()).isEmpty();
    assertThat(config.retention().ver().days()).hasValue(90);
    assertThat(config.retention().ver().maxPerItem()).hasValue(1000);

    CollectionMap users = config.collectionMap("users");
    assertThat(users.indexedProps()).containsExactly("email", "status", "createdAt");
    assertThat(users.base64Props()).containsOnlyKeys("avatar");
    assertThat(users.base64Props().get("avatar").contentType()).isEqualTo("image/jpeg");
    assertThat(users.base64Props().get("avatar").preferredText()).isFalse();
    assertThat(users.validation().requiredIndexed()).containsExactly("email");

    assertThat(config.counterRules().rules()).singleElement().satisfies(rule -> {
      assertThat(rule.name()).isEqualTo("activeUsers");
      assertThat(rule.when()).isEqualTo(JsonValues.parseObject("{\"status\":\"active\"}"));
      assertThat(rule.on()).containsExactly(Op.CREATE, Op.UPDATE);
      assertThat(rule.scope()).isEqualTo(RuleScope.META);
      assertThat(rule.collections()).isEmpty();
      assertThat(rule.predicate().fields()).containsExactly("status");
    });

    assertThat(config.devShadow().enabled()).isTrue();
    assertThat(config.devShadow().ttlHours()).isEqualTo(24);
    assertThat(config.devShadow().maxBytesPerDoc()).isEqualTo(1_048_576L);
    assertThat(config.hardDeleteEnabled()).isTrue();
    assertThat(config.fallback().enabled()).isTrue();
    assertThat(config.fallback().maxAttempts()).isEqualTo(10);
    assertThat(config.fallback().baseDelayMs()).isEqualTo(2000);
    assertThat(config.fallback().maxDelayMs()).isEqualTo(60000);
    assertThat(config.fallback().deadLetterCollection()).isEqualTo("udm_fallback_dead");
    assertThat(config.writeOptimization().batchS3()).isTrue();
    assertThat(config.writeOptimization().batchWindowMs()).isEqualTo(100);
    assertThat(config.writeOptimization().debounceCountersMs()).isEqualTo(1000);
    assertThat(config.writeOptimization().allowShadowSkip()).isTrue();
    assertThat(config.limits()).isEqualTo(LimitsConfig.builder().build());
  }

  @Test
  void theApiExampleEqualsTheSameConfigBuiltWithBuilders() {
    UdmConfig built = UdmConfig.builder()
        .addMongoUris("mongodb://localhost:27017")
        .addSpacesConns(TestConfigs.spacesConn().forcePathStyle(true).build())
        .counters(CountersConfig.builder().mongoUri("mongodb://localhost:27017").dbName("udm_counters").build())
        .routing(RoutingConfig.builder().hashAlgo("rendezvous").chooseKey("tenantId|dbName|collection").build())
        .retention(RetentionConfig.builder().ver(VersionRetention.builder().days(90).maxPerItem(1000).build()).build())
        .putCollectionMaps("users", CollectionMap.builder()
            .addIndexedProps("email", "status", "createdAt")
            .putBase64Props("avatar", Base64Prop.builder().contentType("image/jpeg").preferredText(false).build())
            .validation(CollectionValidation.builder().addRequiredIndexed("email").build())
            .build())
        .counterRules(CounterRulesConfig.builder().addRules(CounterRule.builder()
            .name("activeUsers")
            .when(JsonValues.parseObject("{\"status\":\"active\"}"))
            .addOn(Op.CREATE, Op.UPDATE)
            .scope(RuleScope.META)
            .build()).build())
        .devShadow(DevShadowConfig.builder().enabled(true).ttlHours(24).maxBytesPerDoc(1048576).build())
        .hardDeleteEnabled(true)
        .fallback(FallbackConfig.builder().enabled(true).maxAttempts(10).baseDelayMs(2000).maxDelayMs(60000)
            .deadLetterCollection("udm_fallback_dead").build())
        .writeOptimization(WriteOptimizationConfig.builder().batchS3(true).batchWindowMs(100)
            .debounceCountersMs(1000).allowShadowSkip(true).build())
        .build();

    assertThat(UdmConfig.load(resource("api-example.json"), NO_ENV)).isEqualTo(built);
  }

  @Test
  void theYamlEquivalentOfTheApiExampleLoadsToAnEqualConfig() {
    UdmConfig fromJson = UdmConfig.load(resource("api-example.json"), NO_ENV);

    assertThat(UdmConfig.load(resource("api-example.yaml"), NO_ENV)).isEqualTo(fromJson);
  }

  @Test
  void aYmlExtensionReadsAsYamlAndExtensionsAreCaseInsensitive() throws Exception {
    String yaml = Files.readString(resource("api-example.yaml"));
    UdmConfig fromJson = UdmConfig.load(resource("api-example.json"), NO_ENV);

    assertThat(UdmConfig.load(write(dir, "udm.yml", yaml), NO_ENV)).isEqualTo(fromJson);
    assertThat(UdmConfig.load(write(dir, "UDM.YAML", yaml), NO_ENV)).isEqualTo(fromJson);
  }

  @Test
  void theOneArgumentLoadReadsTheRealEnvironment() {
    assertThat(UdmConfig.load(resource("api-example.json"))).isEqualTo(UdmConfig.load(resource("api-example.json"), NO_ENV));
  }

  @Test
  void anEmptyObjectIsAValidConfigWithoutBackends() {
    UdmConfig config = UdmConfig.load(write(dir, "empty.json", "{}"), NO_ENV);

    assertThat(config).isEqualTo(UdmConfig.builder().build());
    assertThat(config.mongoUris()).isEmpty();
  }

  @Test
  void anUnknownExtensionIsRejectedNamingTheSupportedOnes() {
    Path toml = write(dir, "udm.toml", "mongoUris = []");

    assertThat(rejection(() -> UdmConfig.load(toml, NO_ENV)).getMessage())
        .contains("udm.toml", "unsupported extension", ".json, .yaml or .yml");
  }

  @Test
  void aMissingFileIsRejectedAskingToCheckThePath() {
    Path missing = dir.resolve("nope.json");

    assertThat(rejection(() -> UdmConfig.load(missing, NO_ENV)).getMessage())
        .contains(missing.toString(), "does not exist", "check the path");
  }

  @Test
  void aDirectoryIsRejected() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("conf.json"));

    assertThat(rejection(() -> UdmConfig.load(folder, NO_ENV)).getMessage()).contains("is a directory");
  }

  @Test
  void aNullPathIsRejectedAsAValidationProblem() {
    assertThat(rejection(() -> UdmConfig.load(null, NO_ENV)).getMessage()).contains("path is required");
  }

  @Test
  void aJsonSyntaxErrorNamesTheFileTheLineAndWhatToDo() {
    Path broken = write(dir, "udm.json", "{\n  \"mongoUris\": [\"mongodb://localhost\"],\n  \"hardDeleteEnabled\": true,,\n}");

    ValidationException e = rejection(() -> UdmConfig.load(broken, NO_ENV));

    assertThat(e.getMessage()).contains("udm.json", "is not valid JSON", "line 3", "fix the syntax");
  }

  @Test
  void aYamlSyntaxErrorNamesTheFileTheLineAndWhatToDo() {
    Path broken = write(dir, "udm.yaml", "mongoUris:\n  - mongodb://localhost\nrouting: [unclosed\n");

    ValidationException e = rejection(() -> UdmConfig.load(broken, NO_ENV));

    assertThat(e.getMessage()).contains("udm.yaml", "is not valid YAML", "line", "fix the syntax");
  }

  @Test
  void aDuplicatedKeyIsASyntaxErrorInJsonAndYaml() {
    Path json = write(dir, "dup.json", "{\"hardDeleteEnabled\": true, \"hardDeleteEnabled\": false}");
    Path yaml = write(dir, "dup.yaml", "hardDeleteEnabled: true\nhardDeleteEnabled: false\n");

    assertThat(rejection(() -> UdmConfig.load(json, NO_ENV)).getMessage()).contains("Duplicate field 'hardDeleteEnabled'");
    assertThat(rejection(() -> UdmConfig.load(yaml, NO_ENV)).getMessage()).contains("Duplicate field 'hardDeleteEnabled'");
  }

  @Test
  void contentAfterTheTopLevelObjectIsASyntaxError() {
    Path json = write(dir, "trailing.json", "{} {}");

    assertThat(rejection(() -> UdmConfig.load(json, NO_ENV)).getMessage()).contains("is not valid JSON");
  }

  @Test
  void anEmptyFileIsRejectedSayingWhatItMustHold() {
    Path json = write(dir, "empty.json", "");
    Path yaml = write(dir, "empty.yaml", "# nothing here\n");

    assertThat(rejection(() -> UdmConfig.load(json, NO_ENV)).getMessage()).contains("is empty", "one JSON object");
    assertThat(rejection(() -> UdmConfig.load(yaml, NO_ENV)).getMessage()).contains("is empty", "one YAML object");
  }

  @Test
  void aTopLevelArrayIsRejected() {
    Path json = write(dir, "array.json", "[1, 2]");

    assertThat(rejection(() -> UdmConfig.load(json, NO_ENV)).getMessage()).contains("one object at the top level", "an array");
  }

  @Test
  void yamlOnlyTreatsTrueAndFalseAsBooleans() {
    Path yaml = write(dir, "words.yaml", "hardDeleteEnabled: yes\n");

    assertThat(rejection(() -> UdmConfig.load(yaml, NO_ENV)).problems())
        .containsExactly("hardDeleteEnabled: expected true or false, found a string");
  }
}
