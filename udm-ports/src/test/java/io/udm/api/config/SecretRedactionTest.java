package io.udm.api.config;

import static io.udm.api.config.TestConfigs.apiExample;
import static io.udm.api.config.TestConfigs.load;
import static io.udm.api.config.TestConfigs.oneBackend;
import static io.udm.api.config.TestConfigs.rejection;
import static io.udm.api.config.TestConfigs.spacesConn;
import static io.udm.api.config.TestConfigs.with;
import static io.udm.api.config.TestConfigs.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.error.ValidationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A canary secret must never surface in a toString() or in any problem message. */
class SecretRedactionTest {
  static final String CANARY = "CANARY-9f8e7d";

  @TempDir Path dir;

  @Test
  void noConfigObjectShowsTheAccessKeySecretKeyOrMongoPasswordInToString() {
    ObjectNode tree = apiExample();
    with(tree, "/mongoUris/0", "\"mongodb://udm:" + CANARY + "@db1.example.com:27017/?authSource=admin\"");
    with(tree, "/mongoUris/1", "\"mongodb+srv://udm:" + CANARY + "@cluster0.example.net/?retryWrites=true\"");
    with(tree, "/spacesConns/0/accessKey", "\"" + CANARY + "\"");
    with(tree, "/spacesConns/0/secretKey", "\"" + CANARY + "\"");
    with(tree, "/spacesConns/1", tree.get("spacesConns").get(0).toString());
    with(tree, "/counters/mongoUri", "\"mongodb://udm:" + CANARY + "@counters.example.com,counters2.example.com:27018\"");

    UdmConfig config = load(dir, tree);

    assertThat(config.spacesConns().get(1).secretKey()).isEqualTo(CANARY);
    assertThat(config.mongoUris().get(1)).contains(CANARY);
    for (Object part : everyConfigObject(config)) {
      assertThat(part.toString()).as(part.getClass().getSimpleName()).doesNotContain(CANARY);
    }
    assertThat(config.toString()).contains("db1.example.com:27017", "cluster0.example.net", "udm-json", "***");
  }

  @Test
  void urlEncodedAndReservedCharacterPasswordsAreRedactedToo() {
    String encoded = "mongodb://udm:p%40ss%2F" + CANARY + "@db.example.com/?authSource=admin";
    String options = "mongodb://db.example.com/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:" + CANARY;
    String tlsPassword = "mongodb://db.example.com/?tls=true&tlsCertificateKeyFilePassword=" + CANARY;

    for (String uri : List.of(encoded, options, tlsPassword)) {
      UdmConfig config = oneBackend().mongoUris(List.of(uri))
          .counters(CountersConfig.builder().mongoUri(uri).build())
          .build();
      assertThat(config.toString()).doesNotContain(CANARY).contains("db.example.com");
      assertThat(config.counters().orElseThrow().toString()).doesNotContain(CANARY);
    }
  }

  static Stream<String> invalidUrisCarryingTheCanary() {
    return Stream.of(
        "mongo://udm:" + CANARY + "@db.example.com",          // wrong scheme
        "udm:" + CANARY + "@db.example.com:27017",            // no scheme at all
        CANARY,                                                // the password pasted as the URI
        "mongodb://udm:" + CANARY,                             // '@host' forgotten: the password looks like a port
        "mongodb://udm:" + CANARY + "@",                       // no host
        "mongodb://udm:" + CANARY + "@db@example.com",         // unencoded '@' in the password
        "mongodb://udm:" + CANARY + "/x@db.example.com",       // unencoded '/' in the password
        "mongodb://udm:" + CANARY + "@db.example.com:port",    // bad port
        "mongodb+srv://udm:" + CANARY + "@a.example.com,b.example.com",
        "mongodb://udm: " + CANARY + "@db.example.com");      // whitespace
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUrisCarryingTheCanary")
  void problemsAboutAnInvalidMongoUriNeverShowItsPassword(String uri) {
    ObjectNode tree = apiExample();
    with(tree, "/mongoUris/0", json(uri));
    with(tree, "/counters/mongoUri", json(uri));

    ValidationException loaded = rejection(() -> load(dir, tree));
    ValidationException built = rejection(() -> oneBackend().mongoUris(List.of(uri))
        .counters(CountersConfig.builder().mongoUri(uri).build()).build());

    assertThat(loaded.problems()).hasSize(2).anySatisfy(p -> assertThat(p).startsWith("mongoUris[0]: "));
    assertThat(loaded.getMessage()).doesNotContain(CANARY);
    assertThat(built.getMessage()).doesNotContain(CANARY);
  }

  @Test
  void problemsAboutAnInvalidEndpointNeverShowCredentialsInIt() {
    ObjectNode tree = with(apiExample(), "/spacesConns/0/endpoint", json("https://AK:" + CANARY + "@s3.example.com"));

    ValidationException e = rejection(() -> load(dir, tree));

    assertThat(e.problems()).singleElement().asString().startsWith("spacesConns[0].endpoint:");
    assertThat(e.getMessage()).doesNotContain(CANARY);
    assertThat(spacesConn().endpoint("https://AK:" + CANARY + "@s3.example.com").build().toString()).doesNotContain(CANARY);
  }

  @Test
  void problemsInAConfigFullOfSecretsNeverShowThem() {
    ObjectNode tree = apiExample();
    with(tree, "/spacesConns/0/accessKey", json(CANARY));
    with(tree, "/spacesConns/0/secretKey", json(CANARY));
    with(tree, "/spacesConns/0/jsonBucket", json("Bad_Bucket"));
    with(tree, "/spacesConns/0/endpoint", json("ftp://" + CANARY + "@s3"));
    with(tree, "/mongoUris/0", json("mongodb://udm:" + CANARY + "@db.example.com:port"));
    with(tree, "/routing/hashAlgo", json("ketama"));
    with(tree, "/spacesConns/0/secretKye", json(CANARY));

    ValidationException e = rejection(() -> load(dir, tree));

    assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(e.getMessage()).doesNotContain(CANARY);
  }

  @Test
  void secretsComingFromTheEnvironmentAreNeverShownEvenWhenOtherVariablesAreMissing() {
    ObjectNode tree = apiExample();
    with(tree, "/spacesConns/0/secretKey", json("${S3_SECRET}"));
    with(tree, "/spacesConns/0/accessKey", json("${S3_ACCESS}"));
    with(tree, "/mongoUris/0", json("mongodb://udm:${MONGO_PASSWORD}@${MONGO_HOST}:27017"));

    ValidationException e = rejection(() -> load(dir, tree, Map.of("S3_SECRET", CANARY, "MONGO_PASSWORD", CANARY)));

    assertThat(e.problems()).hasSize(2);
    assertThat(e.getMessage()).contains("S3_ACCESS", "MONGO_HOST").doesNotContain(CANARY);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"spacesConns\": [{\"secretKey\": " + CANARY + "}]}",
      "{\"spacesConns\": [{\"secretKey\": \"" + CANARY + "}]}",
      "{\"mongoUris\": [\"mongodb://u:" + CANARY + "@h\"] \"x\": 1}"})
  void jsonSyntaxErrorsNeverQuoteTheSecretNextToThem(String content) {
    Path file = write(dir, "broken.json", content);

    assertThat(rejection(() -> UdmConfig.load(file, name -> null)).getMessage())
        .contains("is not valid JSON").doesNotContain(CANARY);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "spacesConns:\n  - secretKey: " + CANARY + "\n   accessKey: x\n",
      "spacesConns:\n  - secretKey: \"" + CANARY + "\n",
      "spacesConns: [{secretKey: " + CANARY + "}\n",
      "secretKey: " + CANARY + ": x\n",
      "secretKey: {" + CANARY + "\n",
      "secretKey: '" + CANARY + "' x\n"})
  void yamlSyntaxErrorsNeverQuoteTheSecretNextToThem(String content) {
    Path file = write(dir, "broken.yaml", content);

    assertThat(rejection(() -> UdmConfig.load(file, name -> null)).getMessage())
        .contains("is not valid YAML").doesNotContain(CANARY);
  }

  private static String json(String text) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
  }

  private static List<Object> everyConfigObject(UdmConfig config) {
    List<Object> parts = new ArrayList<>();
    parts.add(config);
    parts.addAll(config.spacesConns());
    config.counters().ifPresent(parts::add);
    parts.add(config.routing());
    parts.add(config.retention());
    parts.add(config.retention().ver());
    config.collectionMaps().values().forEach(map -> {
      parts.add(map);
      parts.add(map.validation());
      parts.addAll(map.base64Props().values());
    });
    parts.add(config.counterRules());
    parts.addAll(config.counterRules().rules());
    parts.add(config.devShadow());
    parts.add(config.fallback());
    parts.add(config.writeOptimization());
    parts.add(config.limits());
    return parts;
  }
}
