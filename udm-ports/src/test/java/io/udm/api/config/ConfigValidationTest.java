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
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigValidationTest {
  @TempDir Path dir;

  @Test
  void aConfigWithoutBackendsIsValidForTheInMemoryUdm() {
    UdmConfig config = UdmConfig.builder().build();

    assertThat(config.mongoUris()).isEmpty();
    assertThat(config.spacesConns()).isEmpty();
  }

  @Test
  void requireBackendsRejectsAConfigWithoutBackendsAndSaysWhatToDo() {
    ValidationException e = rejection(() -> UdmConfig.builder().build().requireBackends());

    assertThat(e.getMessage()).contains(
        "at least one backend pair (mongoUris + spacesConns) is required", "Udms.inMemory");
  }

  @Test
  void requireBackendsReturnsAConfigWithBackends() {
    UdmConfig config = oneBackend().build();

    assertThat(config.requireBackends()).isSameAs(config);
  }

  @Test
  void theBuilderValidatesTooReportingEveryProblemWithItsPath() {
    ValidationException e = rejection(() -> oneBackend()
        .spacesConns(List.of(spacesConn().jsonBucket("Udm_JSON").build()))
        .routing(RoutingConfig.builder().hashAlgo("consistent").build())
        .fallback(FallbackConfig.builder().maxAttempts(0).build())
        .build());

    assertThat(e.problems()).containsExactly(
        "spacesConns[0].jsonBucket: 'Udm_JSON' is not a valid S3 bucket name;"
            + " use 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit",
        "routing.hashAlgo: 'consistent' is not supported; use 'rendezvous'",
        "fallback.maxAttempts: is 0; use 1 or more");
  }

  @Test
  void atMostTenBackendPairsAreAllowed() {
    List<String> uris = IntStream.range(0, 11).mapToObj(i -> "mongodb://db" + i + ":27017").toList();
    List<SpacesConn> conns = IntStream.range(0, 11).<SpacesConn>mapToObj(i -> spacesConn().build()).toList();

    ValidationException e = rejection(() -> UdmConfig.builder().mongoUris(uris).spacesConns(conns).build());

    assertThat(e.problems()).containsExactly("mongoUris: lists 11 backends; at most 10 are supported");
  }

  @Test
  void tenBackendPairsAreFine() {
    List<String> uris = IntStream.range(0, 10).mapToObj(i -> "mongodb://db" + i + ":27017").toList();
    List<SpacesConn> conns = IntStream.range(0, 10).<SpacesConn>mapToObj(i -> spacesConn().build()).toList();

    assertThat(UdmConfig.builder().mongoUris(uris).spacesConns(conns).build().mongoUris()).hasSize(10);
  }

  @Test
  void mongoUrisAndSpacesConnsMustPairUp() {
    ValidationException e = rejection(() -> oneBackend().addMongoUris("mongodb://second:27017").build());

    assertThat(e.problems()).containsExactly("spacesConns: has 1 entries but mongoUris has 2;"
        + " backend i is mongoUris[i] + spacesConns[i], so give both lists the same length");
  }

  static Stream<Arguments> invalidSettings() {
    return Stream.of(
        invalid("a Mongo URI must use the mongodb scheme", "/mongoUris/0", "\"http://localhost:27017\"",
            "mongoUris[0]: must start with mongodb:// or mongodb+srv:// (found 'http://...')"),
        invalid("mongodb+srv takes one host and no port", "/mongoUris/0", "\"mongodb+srv://cluster.example.com:27017\"",
            "mongoUris[0]: 'mongodb+srv://cluster.example.com:27017': mongodb+srv:// takes exactly one host name and no port"),
        invalid("a Mongo URI must name a host", "/mongoUris/0", "\"mongodb:///db\"",
            "mongoUris[0]: 'mongodb:///db' names no host"),
        invalid("a Mongo URI port must be a number", "/mongoUris/0", "\"mongodb://localhost:port\"",
            "mongoUris[0]: 'mongodb://localhost:***' has an invalid port"),
        invalid("Mongo credentials must be URL-encoded", "/mongoUris/0", "\"mongodb://u:p@ss@host\"",
            "mongoUris[0]: 'mongodb://***:***@host': the user name and password must be URL-encoded"),
        invalid("the counters Mongo URI is checked too", "/counters/mongoUri", "\"localhost:27017\"",
            "counters.mongoUri: must start with mongodb:// or mongodb+srv:// (found a value without a scheme)"),
        invalid("the counters database name must be valid", "/counters/dbName", "\"a/b\"",
            "counters.dbName: dbName 'a/b' is invalid"),
        invalid("an endpoint must be http or https", "/spacesConns/0/endpoint", "\"ftp://files.example.com\"",
            "spacesConns[0].endpoint: must be an http:// or https:// URL (found 'ftp://...')"),
        invalid("an endpoint must be a URL", "/spacesConns/0/endpoint", "\"not a url\"",
            "spacesConns[0].endpoint: 'not a url' is not a valid URL"),
        invalid("an endpoint must not carry credentials", "/spacesConns/0/endpoint", "\"https://key:secret@s3.example.com\"",
            "spacesConns[0].endpoint: 'https://***:***@s3.example.com' must not contain credentials"),
        invalid("a region must not be blank", "/spacesConns/0/region", "\" \"",
            "spacesConns[0].region: must not be blank"),
        invalid("an access key must not be blank", "/spacesConns/0/accessKey", "\"\"",
            "spacesConns[0].accessKey: must not be blank"),
        invalid("a bucket name must be a valid S3 name", "/spacesConns/0/contentBucket", "\"ab\"",
            "spacesConns[0].contentBucket: 'ab' is not a valid S3 bucket name"),
        invalid("a bucket name must not hold two dots in a row", "/spacesConns/0/backupsBucket", "\"udm..backups\"",
            "spacesConns[0].backupsBucket: 'udm..backups' is not a valid S3 bucket name: no '..'"),
        invalid("a bucket name must not look like an IP address", "/spacesConns/0/jsonBucket", "\"192.168.1.10\"",
            "spacesConns[0].jsonBucket: '192.168.1.10' is not a valid S3 bucket name: it must not look like an IP address"),
        invalid("only rendezvous hashing is supported", "/routing/hashAlgo", "\"ketama\"",
            "routing.hashAlgo: 'ketama' is not supported; use 'rendezvous'"),
        invalid("the routing key must not use objectId", "/routing/chooseKey", "\"tenantId|collection|objectId\"",
            "routing.chooseKey: must not use objectId: a whole collection must live on one backend pair"),
        invalid("the routing key must not be empty", "/routing/chooseKey", "\"\"",
            "routing.chooseKey: must not be empty"),
        invalid("the routing key must not have empty parts", "/routing/chooseKey", "\"tenantId||collection\"",
            "routing.chooseKey: has an empty part"),
        invalid("the routing key must not repeat a part", "/routing/chooseKey", "\"tenantId|collection|tenantId\"",
            "routing.chooseKey: names 'tenantId' twice"),
        invalid("the routing key only knows tenantId dbName collection", "/routing/chooseKey", "\"tenant|collection\"",
            "routing.chooseKey: 'tenant' is not a routing key part"),
        invalid("retention days must be positive", "/retention/ver/days", "0",
            "retention.ver.days: is 0; use 1 or more, or leave it out"),
        invalid("retention maxPerItem must be positive", "/retention/ver/maxPerItem", "-5",
            "retention.ver.maxPerItem: is -5; use 1 or more"),
        invalid("collection map keys must be valid collection names", "/collectionMaps/users$", "{}",
            "collectionMaps['users$']: collection 'users$' is invalid"),
        invalid("indexed props must be valid paths", "/collectionMaps/users/indexedProps/3", "\"$where\"",
            "collectionMaps.users.indexedProps[3]: property path '$where' is invalid"),
        invalid("indexed props must not repeat", "/collectionMaps/users/indexedProps/3", "\"status\"",
            "collectionMaps.users.indexedProps[3]: 'status' is listed twice"),
        invalid("required indexed props must be indexed", "/collectionMaps/users/validation/requiredIndexed/1", "\"phone\"",
            "collectionMaps.users.validation.requiredIndexed[1]: 'phone' is not an indexed property of 'users'"),
        invalid("a base64 prop must not be indexed", "/collectionMaps/users/base64Props/email", "{}",
            "collectionMaps.users.base64Props.email: 'email' is also an indexed property"),
        invalid("base64 prop keys must be valid paths", "/collectionMaps/users/base64Props/a..b", "{}",
            "collectionMaps.users.base64Props['a..b']: property path 'a..b' is invalid"),
        invalid("a base64 prop must not sit inside an indexed prop", "/collectionMaps/users/base64Props/email.photo", "{}",
            "collectionMaps.users.base64Props['email.photo']: 'email.photo' and the indexed property 'email' contain one another"),
        invalid("a base64 prop must not hold another", "/collectionMaps/users/base64Props/avatar.thumb", "{}",
            "collectionMaps.users.base64Props.avatar: 'avatar' contains the base64 property 'avatar.thumb'"),
        invalid("a base64 content type must be a media type", "/collectionMaps/users/base64Props/avatar/contentType", "\"jpeg\"",
            "collectionMaps.users.base64Props.avatar.contentType: 'jpeg' is not a media type"),
        invalid("counter rule names must be unique", "/counterRules/rules/1",
            "{\"name\": \"activeUsers\", \"when\": {}, \"on\": [\"DELETE\"]}",
            "counterRules.rules[1].name: 'activeUsers' is already the name of an earlier rule"),
        invalid("counter rule names must be field-name safe", "/counterRules/rules/0/name", "\"active.users\"",
            "counterRules.rules[0].name: 'active.users' is not a valid rule name"),
        invalid("a counter rule must count some operation", "/counterRules/rules/0/on", "[]",
            "counterRules.rules[0].on: lists no operation"),
        invalid("a counter rule must not list an operation twice", "/counterRules/rules/0/on", "[\"CREATE\", \"create\"]",
            "counterRules.rules[0].on: lists CREATE twice"),
        invalid("a counter rule predicate must parse", "/counterRules/rules/0/when", "{\"status\": {\"$regex\": \"act\"}}",
            "counterRules.rules[0].when: unknown operator '$regex' on 'status'"),
        invalid("a meta rule must read indexed props only", "/counterRules/rules/0/when", "{\"plan\": \"pro\"}",
            "counterRules.rules[0].when: reads 'plan', which no collection map indexes"),
        invalid("a meta rule must read props its collections index", "/counterRules/rules/0/collections", "[\"orders\"]",
            "counterRules.rules[0].when: reads 'status', which collection 'orders' does not index;"
                + " add it to collectionMaps.orders.indexedProps; or set scope: payload"),
        invalid("counter rule collections must be valid names", "/counterRules/rules/0/collections", "[\"users\", \"bad/name\"]",
            "counterRules.rules[0].collections[1]: collection 'bad/name' is invalid"),
        invalid("dev shadows must live at least an hour", "/devShadow/ttlHours", "0",
            "devShadow.ttlHours: is 0; use 1 or more"),
        invalid("dev shadows must allow some bytes", "/devShadow/maxBytesPerDoc", "0",
            "devShadow.maxBytesPerDoc: is 0; use 1 or more"),
        invalid("fallback needs at least one attempt", "/fallback/maxAttempts", "0",
            "fallback.maxAttempts: is 0; use 1 or more"),
        invalid("fallback base delay must be positive", "/fallback/baseDelayMs", "0",
            "fallback.baseDelayMs: is 0; use 1 or more"),
        invalid("fallback max delay must not undercut the base delay", "/fallback/maxDelayMs", "1000",
            "fallback.maxDelayMs: is 1000 but must be at least baseDelayMs (2000)"),
        invalid("the dead-letter collection must be a valid name", "/fallback/deadLetterCollection", "\"$dead\"",
            "fallback.deadLetterCollection: collection '$dead' is invalid"),
        invalid("the batch window must not be negative", "/writeOptimization/batchWindowMs", "-1",
            "writeOptimization.batchWindowMs: is -1; use 0 or more"),
        invalid("the counter debounce must not be negative", "/writeOptimization/debounceCountersMs", "-1",
            "writeOptimization.debounceCountersMs: is -1; use 0 or more"),
        invalid("documents must be allowed at least 1 KiB", "/limits", "{\"maxDocumentBytes\": 1023}",
            "limits.maxDocumentBytes: is 1023; use 1024 or more"),
        invalid("nesting depth must be at least 2", "/limits", "{\"maxNestingDepth\": 1}",
            "limits.maxNestingDepth: is 1; use 2 to 1000"),
        invalid("nesting depth must be at most 1000", "/limits", "{\"maxNestingDepth\": 1001}",
            "limits.maxNestingDepth: is 1001; use 2 to 1000"),
        invalid("content values must be allowed some bytes", "/limits", "{\"maxContentBytes\": 0}",
            "limits.maxContentBytes: is 0; use 1 or more"),
        invalid("presigned URLs cannot outlive S3's 7 days", "/limits", "{\"maxPresignTtlSeconds\": 604801}",
            "limits.maxPresignTtlSeconds: is 604801; use 1 to 604800 (7 days, the longest S3 honours)"),
        invalid("presigned URLs must live at least a second", "/limits", "{\"maxPresignTtlSeconds\": 0}",
            "limits.maxPresignTtlSeconds: is 0; use 1 to 604800"));
  }

  private static Arguments invalid(String rule, String pointer, String json, String expectedProblemStart) {
    return Arguments.of(rule, pointer, json, expectedProblemStart);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSettings")
  void eachSemanticRuleIsEnforcedWithOneClearProblem(String rule, String pointer, String json, String expected) {
    ObjectNode tree = with(apiExample(), pointer, json);

    assertThat(rejection(() -> load(dir, tree)).problems()).singleElement().asString().startsWith(expected);
  }

  @Test
  void aPayloadRuleMayReadPropertiesThatAreNotIndexed() {
    ObjectNode tree = apiExample();
    with(tree, "/counterRules/rules/0/when", "{\"profile.plan\": {\"$in\": [\"pro\", \"team\"]}}");
    with(tree, "/counterRules/rules/0/scope", "\"payload\"");

    assertThat(load(dir, tree).counterRules().rules().get(0).predicate().fields()).containsExactly("profile.plan");
  }

  @Test
  void aMetaRuleWithoutCollectionsNeedsItsFieldsIndexedByAtLeastOneMap() {
    ObjectNode tree = apiExample();
    with(tree, "/collectionMaps/orders", "{\"indexedProps\": [\"total\"]}");
    with(tree, "/counterRules/rules/0/when", "{\"total\": {\"$gt\": 100}}");

    assertThat(load(dir, tree).counterRules().rules().get(0).when().has("total")).isTrue();
  }

  @Test
  void oneConfigWithManyMistakesReportsThemAllAtOnce() {
    Path file = write(dir, "many.json", """
        {
          "mongoUris": ["http://db1:27017", "mongodb://${DB2_HOST}:27017"],
          "spacesConns": [
            {"endpoint": "ftp://s3", "region": "us-east-1", "accessKey": "AK", "secretKey": "SK",
             "backupsBucket": "Backups", "jsonBucket": "udm-json", "contentBucket": "udm-content"},
            {"endpoint": "https://s3.example.com", "region": "eu", "accessKey": "AK", "secretKey": "SK",
             "backupsBucket": "udm-backups", "contentBucket": "udm-content", "forcePathStyle": "yes"}
          ],
          "routing": {"hashAlgo": "ketama", "chooseKey": "tenantId|objectId"},
          "retention": {"ver": {"days": 0}},
          "collectionMaps": {"users": {"indexedProps": ["email"], "validation": {"requiredIndexed": ["phone"]}}},
          "counterRules": {"rules": [
            {"name": "activeUsers", "when": {"status": "active"}, "on": ["CREATE", "UPSERT"]}
          ]},
          "devShadow": {"enabled": true, "ttlHour": 24},
          "fallback": {"baseDelayMs": 5000, "maxDelayMs": 1000},
          "limits": {"maxNestingDepth": 1}
        }
        """);

    ValidationException e = rejection(() -> UdmConfig.load(file, Map.<String, String>of()::get));

    assertThat(e.problems()).containsExactly(
        // structural problems first, in file order
        "mongoUris[1]: environment variable DB2_HOST is not set; set it, or write the value instead of ${DB2_HOST}",
        "spacesConns[1].jsonBucket: required",
        "spacesConns[1].forcePathStyle: expected true or false, found a string",
        "counterRules.rules[0].on[1]: 'UPSERT' is not an operation; use one of CREATE, UPDATE, DELETE, ENRICH, RESTORE",
        "devShadow.ttlHour: unknown field; did you mean 'ttlHours'?",
        // then the semantic ones
        "mongoUris[0]: must start with mongodb:// or mongodb+srv:// (found 'http://...')",
        "spacesConns[0].endpoint: must be an http:// or https:// URL (found 'ftp://...')",
        "spacesConns[0].backupsBucket: 'Backups' is not a valid S3 bucket name;"
            + " use 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit",
        "routing.hashAlgo: 'ketama' is not supported; use 'rendezvous'",
        "routing.chooseKey: must not use objectId: a whole collection must live on one backend pair (lists, restores"
            + " and counters work per collection), so the parts may only be tenantId, dbName and collection,"
            + " joined with '|', optionally followed by ':objectId' (accepted from the original config and ignored),"
            + " e.g. 'tenantId|dbName|collection'",
        "retention.ver.days: is 0; use 1 or more, or leave it out to keep versions of any age",
        "collectionMaps.users.validation.requiredIndexed[0]: 'phone' is not an indexed property of 'users';"
            + " add it to collectionMaps.users.indexedProps or remove it here",
        "fallback.maxDelayMs: is 1000 but must be at least baseDelayMs (5000)",
        "limits.maxNestingDepth: is 1; use 2 to 1000",
        "counterRules.rules[0].when: reads 'status', which no collection map indexes;"
            + " add it to collectionMaps.<collection>.indexedProps; or set scope: payload to match on the whole document");
  }
}
