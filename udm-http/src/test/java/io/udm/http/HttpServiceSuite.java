package io.udm.http;

import static io.udm.http.HttpTestClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.udm.api.FallbackApi;
import io.udm.api.Udm;
import io.udm.api.config.ApiKey;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.FallbackConfig;
import io.udm.api.config.HttpConfig;
import io.udm.api.config.UdmConfig;
import io.udm.app.faults.FaultFixture;
import io.udm.http.HttpTestClient.Answer;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every resource of the HTTP service through java.net.http against a real server on a loopback
 * port: statuses, headers, bodies and problem documents; conditional writes, idempotent replays,
 * API keys and tenant isolation, body limits, an injection corpus, and the 202 path of a write
 * queued for retry. Each wiring (memory; MongoDB + S3 on in-JVM servers) runs it; the UDM sits on
 * fault-injecting stores so a test can take the object store down.
 */
public abstract class HttpServiceSuite {
  static final String ACME_KEY = "acme-key-0123456789abcdef";
  static final String OTHER_KEY = "other-key-0123456789abcdef";
  static final String ADMIN_KEY = "admin-key-0123456789abcdef";
  static final long MAX_BODY = 64 * 1024;

  protected FaultFixture fx;
  private Udm udm;
  private UdmHttpServer server;
  protected HttpTestClient http;
  protected String tenant;
  protected String otherTenant;
  protected String users;

  protected abstract FaultFixture newFixture();

  @BeforeEach
  void start() {
    fx = newFixture();
    String run = UUID.randomUUID().toString().substring(0, 8);
    tenant = "acme-" + run;
    otherTenant = "other-" + run;
    users = "/v1/t/" + tenant + "/crm/users";
    UdmConfig config = UdmConfig.builder()
        .putCollectionMaps("users", CollectionMap.builder().addIndexedProps("email", "status").build())
        .fallback(FallbackConfig.builder().enabled(true).workerEnabled(false).maxAttempts(3).baseDelayMs(1)
            .maxDelayMs(8).build())
        .http(HttpConfig.builder().port(0).maxBodyBytes(MAX_BODY)
            .addApiKeys(ApiKey.builder().name("acme").key(ACME_KEY).addTenants(tenant).build())
            .addApiKeys(ApiKey.builder().name("other").key(OTHER_KEY).addTenants(otherTenant).build())
            .addApiKeys(ApiKey.builder().name("ops").key(ADMIN_KEY).admin(true).build())
            .build())
        .build();
    udm = fx.victim(config);
    server = UdmHttpServer.start(udm, config);
    http = new HttpTestClient(server.port());
  }

  @AfterEach
  void stop() {
    server.close();
    udm.close();
    fx.faults.reset();
  }

  private Answer acme(String method, String path, String body, String... headers) {
    return http.send(method, path, body, bearer(ACME_KEY, headers));
  }

  private String create(String json) {
    Answer created = acme("POST", users + "/items", json);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  // ---------------------------------------------------------------- items

  @Test
  void createReadConditionalUpdateAndDeleteWithETagsAndLocation() {
    Answer created = acme("POST", users + "/items", "{\"email\": \"ada@example.com\", \"status\": \"trial\"}",
        "X-Udm-Actor", "alice", "X-Udm-Reason", "signup");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.header("Location")).hasValue(users + "/items/" + id);
    assertThat(created.header("ETag")).hasValue("\"1\"");
    assertThat(created.header("Content-Type")).hasValue("application/json");
    assertThat(created.json().get("ov").asLong()).isEqualTo(1);
    assertThat(created.json().has("cv")).isTrue();
    assertThat(created.json().get("at").asText()).endsWith("Z");

    Answer read = acme("GET", created.header("Location").orElseThrow(), null);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).hasValue("\"1\"");
    JsonNode item = read.json();
    assertThat(item.get("data").get("email").asText()).isEqualTo("ada@example.com");
    assertThat(item.get("meta").get("status").asText()).isEqualTo("trial");
    assertThat(item.get("deleted").asBoolean()).isFalse();
    assertThat(item.get("system").get("insertedAt").asText()).isNotEmpty();
    assertThat(acme("GET", users + "/items/" + id, null, "If-None-Match", "\"1\"").status()).isEqualTo(304);

    Answer updated = acme("PUT", users + "/items/" + id, "{\"email\": \"ada@example.com\", \"status\": \"active\"}",
        "If-Match", "\"1\"");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("ov").asLong()).isEqualTo(2);
    assertThat(updated.header("ETag")).hasValue("\"2\"");
    assertThat(updated.json().fieldNames()).toIterable().containsExactlyInAnyOrder("id", "ov", "cv", "at");

    Answer stale = acme("PUT", users + "/items/" + id, "{\"email\": \"x@example.com\"}", "If-Match", "\"1\"");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.header("Content-Type")).hasValue("application/problem+json");
    assertThat(stale.json().get("status").asInt()).isEqualTo(412);
    assertThat(stale.json().get("expectedOv").asLong()).isEqualTo(1);
    assertThat(stale.json().get("actualOv").asLong()).isEqualTo(2);
    assertThat(stale.json().get("type").asText()).isNotEmpty();
    assertThat(stale.json().get("detail").asText()).contains("ov 2");

    Answer deleted = acme("DELETE", users + "/items/" + id, null, "If-Match", "\"2\"");
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().get("ov").asLong()).isEqualTo(3);
    assertThat(acme("GET", users + "/items/" + id, null).status()).isEqualTo(404);
    Answer tombstone = acme("GET", users + "/items/" + id + "?includeDeleted=true", null);
    assertThat(tombstone.json().get("deleted").asBoolean()).isTrue();
    assertThat(acme("GET", users + "/items/" + id + "?ov=1", null).json().get("data").get("status").asText())
        .isEqualTo("trial");
    Answer asOf = acme("GET", users + "/items/" + id + "?asOf=" + created.json().get("at").asText(), null);
    assertThat(asOf.json().get("ov").asLong()).isEqualTo(1);
  }

  @Test
  void putWithIfNoneMatchStarCreatesUnderTheGivenIdOnceAndAPlainPutNeedsTheItem() {
    Answer created = acme("PUT", users + "/items/user-42", "{\"email\": \"b@example.com\"}", "If-None-Match", "*");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).hasValue(users + "/items/user-42");

    Answer again = acme("PUT", users + "/items/user-42", "{\"email\": \"c@example.com\"}", "If-None-Match", "*");
    assertThat(again.status()).isEqualTo(412);
    assertThat(acme("PUT", users + "/items/nobody", "{\"email\": \"c@example.com\"}").status()).isEqualTo(404);
    assertThat(acme("PUT", users + "/items/user-42", "{}", "If-Match", "\"1\"", "If-None-Match", "*").status())
        .isEqualTo(400);
  }

  /** RFC 9110 13.1: If-Match compares strongly over a list, If-None-Match weakly; refusals write nothing. */
  @Test
  void conditionalHeadersTakeListsWeakTagsAndStarAsRfc9110Says() {
    String id = create("{\"email\": \"c@example.com\"}");
    String item = users + "/items/" + id;
    assertThat(acme("PUT", item, "{\"email\": \"c2@example.com\"}").status()).isEqualTo(200);

    assertThat(acme("PUT", item, "{\"n\": 1}", "If-Match", "W/\"2\"").status()).as("weak never matches").isEqualTo(412);
    assertThat(acme("PUT", item, "{\"n\": 1}", "If-Match", "\"1\", \"x\"").status()).isEqualTo(412);
    Answer listed = acme("PUT", item, "{\"n\": 1}", "If-Match", "\"1\", \"2\"");
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    assertThat(listed.header("ETag")).hasValue("\"3\"");
    assertThat(acme("PUT", item, "{\"n\": 2}", "If-Match", "\"9\"", "If-Match", "\"3\"").status())
        .as("a list over two header lines").isEqualTo(200);
    assertThat(acme("PUT", item, "{\"n\": 3}", "If-Match", "*").status()).isEqualTo(200);
    assertThat(acme("PUT", users + "/items/nobody", "{\"n\": 1}", "If-Match", "*").status()).isEqualTo(412);

    assertThat(acme("PUT", item, "{\"n\": 4}", "If-None-Match", "\"5\"").status()).isEqualTo(412);
    assertThat(acme("DELETE", item, null, "If-None-Match", "W/\"5\", \"1\"").status()).isEqualTo(412);
    assertThat(acme("PUT", item, "{\"n\": 4}", "If-None-Match", "\"1\"").status()).isEqualTo(200);

    assertThat(acme("GET", item, null, "If-None-Match", "*").status()).isEqualTo(304);
    Answer notModified = acme("GET", item, null, "If-None-Match", "\"1\", W/\"6\"");
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.header("ETag")).hasValue("\"6\"");
    assertThat(acme("GET", item, null, "If-None-Match", "\"5\"").status()).isEqualTo(200);
    assertThat(acme("GET", item, null, "If-Match", "\"5\"").status()).isEqualTo(412);
    assertThat(acme("GET", users + "/items/nobody", null, "If-None-Match", "*").status()).isEqualTo(404);

    assertThat(acme("PUT", item, "{}", "If-Match", "\"1").status()).isEqualTo(400);
    assertThat(acme("PUT", item, "{}", "If-Match", "\"1\" \"2\"").status()).isEqualTo(400);
    assertThat(acme("PUT", item, "{}", "If-Match", "*, \"1\"").status()).isEqualTo(400);
    assertThat(acme("GET", item + "/history", null).json()).as("refused requests wrote nothing").hasSize(6);
  }

  /** Idempotency-Key names a request within its tenant: the same key in two tenants is two writes. */
  @Test
  void theSameIdempotencyKeyInTwoTenantsMakesTwoItemsAndEachReplaysItsOwn() {
    String others = "/v1/t/" + otherTenant + "/crm/users";
    Answer mine = acme("POST", users + "/items", "{\"email\": \"mine@example.com\"}", "Idempotency-Key", "same-1");
    Answer theirs = http.send("POST", others + "/items", "{\"email\": \"theirs@example.com\"}",
        bearer(OTHER_KEY, "Idempotency-Key", "same-1"));
    Answer myReplay = acme("POST", users + "/items", "{\"email\": \"mine@example.com\"}", "Idempotency-Key", "same-1");
    Answer theirReplay = http.send("POST", others + "/items", "{\"email\": \"theirs@example.com\"}",
        bearer(OTHER_KEY, "Idempotency-Key", "same-1"));

    assertThat(mine.status()).isEqualTo(201);
    assertThat(theirs.status()).isEqualTo(201);
    assertThat(theirs.json().get("id")).isNotEqualTo(mine.json().get("id"));
    assertThat(myReplay.json()).isEqualTo(mine.json());
    assertThat(theirReplay.json()).isEqualTo(theirs.json());
    assertThat(acme("GET", users + "/items", null).json().get("items")).hasSize(1);
  }

  @Test
  void aWriteRepeatedWithTheSameIdempotencyKeyAnswersTheFirstResultAndWritesOnce() {
    String body = "{\"email\": \"once@example.com\"}";
    Answer first = acme("POST", users + "/items", body, "Idempotency-Key", "req-1");
    Answer replay = acme("POST", users + "/items", body, "Idempotency-Key", "req-1");

    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.json()).isEqualTo(first.json());
    String id = first.json().get("id").asText();
    assertThat(acme("GET", users + "/items/" + id + "/history", null).json()).hasSize(1);

    Answer update = acme("PUT", users + "/items/" + id, "{\"email\": \"twice@example.com\"}", "Idempotency-Key", "req-2");
    Answer updateReplay = acme("PUT", users + "/items/" + id, "{\"email\": \"twice@example.com\"}",
        "Idempotency-Key", "req-2");
    assertThat(updateReplay.json()).isEqualTo(update.json());
    assertThat(acme("GET", users + "/items/" + id + "/history", null).json()).hasSize(2);
    assertThat(acme("POST", users + "/items", body, "Idempotency-Key", "../etc").status()).isEqualTo(400);
  }

  @Test
  void enrichRestoreHistoryDiffAndTheChangeFeed() {
    String id = create("{\"email\": \"e@example.com\", \"status\": \"trial\", \"tags\": [\"a\"]}");

    Answer enriched = acme("POST", users + "/items/" + id + "/enrich",
        "{\"functionId\": \"scorer@v1\", \"patch\": {\"score\": 7, \"tags\": [\"b\"]}}", "X-Udm-Actor", "bot");
    assertThat(enriched.status()).as(enriched.toString()).isEqualTo(200);
    assertThat(enriched.json().get("functionIds")).extracting(JsonNode::asText).containsExactly("scorer@v1");
    assertThat(enriched.header("ETag")).hasValue("\"2\"");

    Answer restored = acme("POST", users + "/items/" + id + "/restore", "{\"ov\": 1}", "X-Udm-Reason", "undo");
    assertThat(restored.status()).isEqualTo(200);
    assertThat(restored.json().get("ov").asLong()).isEqualTo(3);
    assertThat(restored.json().get("restoredFromOv").asLong()).isEqualTo(1);

    JsonNode history = acme("GET", users + "/items/" + id + "/history", null).json();
    assertThat(history.isArray()).isTrue();
    assertThat(history).extracting(v -> v.get("op").asText()).containsExactly("CREATE", "ENRICH", "RESTORE");
    assertThat(history.get(1).get("functionId").asText()).isEqualTo("scorer@v1");
    assertThat(history.get(1).get("actor").asText()).isEqualTo("bot");
    assertThat(history.get(2).get("reason").asText()).isEqualTo("undo");

    JsonNode diff = acme("GET", users + "/items/" + id + "/diff?from=1&to=2", null).json();
    assertThat(diff.get("id").asText()).isEqualTo(id);
    assertThat(diff.get("fromOv").asLong()).isEqualTo(1);
    assertThat(diff.get("toOv").asLong()).isEqualTo(2);
    assertThat(diff.get("patch").toString()).contains("\"op\":\"add\"", "/score");
    assertThat(acme("GET", users + "/items/" + id + "/diff?from=1&to=9", null).status()).isEqualTo(404);
    assertThat(acme("GET", users + "/items/" + id + "/diff?from=1", null).status()).isEqualTo(400);

    JsonNode feed = acme("GET", "/v1/t/" + tenant + "/crm/users/changes?afterCv=0&limit=10&includeData=true", null)
        .json();
    assertThat(feed.get("changes")).extracting(c -> c.get("op").asText()).containsExactly("CREATE", "ENRICH", "RESTORE");
    assertThat(feed.get("changes").get(0).get("data").get("email").asText()).isEqualTo("e@example.com");
    long next = feed.get("nextAfterCv").asLong();
    JsonNode caughtUp = acme("GET", "/v1/t/" + tenant + "/crm/users/changes?afterCv=" + next, null).json();
    assertThat(caughtUp.get("changes")).isEmpty();
    assertThat(acme("GET", users + "/items/nobody/history", null).status()).isEqualTo(404);
  }

  @Test
  void listFiltersSortsAndPagesWithACursor() {
    for (int i = 0; i < 5; i++) {
      create("{\"email\": \"u" + i + "@example.com\", \"status\": \"" + (i % 2 == 0 ? "active" : "trial") + "\"}");
    }
    String filter = URLEncoder.encode("{\"status\": \"active\"}", StandardCharsets.UTF_8);

    JsonNode first = acme("GET", users + "/items?filter=" + filter + "&sort=email&desc=true&limit=2", null).json();
    assertThat(first.get("items")).extracting(i -> i.get("data").get("email").asText())
        .containsExactly("u4@example.com", "u2@example.com");
    String cursor = URLEncoder.encode(first.get("nextCursor").asText(), StandardCharsets.UTF_8);
    JsonNode second = acme("GET", users + "/items?filter=" + filter + "&sort=email&desc=true&limit=2&cursor=" + cursor,
        null).json();
    assertThat(second.get("items")).extracting(i -> i.get("data").get("email").asText())
        .containsExactly("u0@example.com");
    assertThat(second.get("nextCursor").isNull()).isTrue();
    assertThat(acme("GET", users + "/items", null).json().get("items")).hasSize(5);
  }

  // ---------------------------------------------------------------- problems

  @Test
  void invalidInputIsA400ProblemListingEveryProblem() {
    Answer invalid = acme("POST", users + "/items", "{\"$where\": 1, \"a.b\": 2}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.header("Content-Type")).hasValue("application/problem+json");
    assertThat(invalid.json().get("problems")).hasSizeGreaterThanOrEqualTo(2);

    assertThat(acme("POST", users + "/items", "{\"a\": ").status()).isEqualTo(400);
    assertThat(acme("POST", users + "/items", "[1, 2]").status()).isEqualTo(400);
    assertThat(acme("POST", users + "/items", "{\"a\": 1} {\"b\": 2}").status()).isEqualTo(400);
    assertThat(acme("POST", users + "/items", "{\"a\": 1, \"a\": 2}").status()).isEqualTo(400);
    assertThat(acme("POST", users + "/items", "").status()).isEqualTo(400);
    assertThat(acme("POST", users + "/items", "[".repeat(5000) + "]".repeat(5000)).status()).isEqualTo(400);
    assertThat(acme("POST", users + "/items", "{\"a\":".repeat(200) + "1" + "}".repeat(200)).status()).isEqualTo(400);
    assertThat(acme("POST", users + "/items", "{\"a\": 1}", "Content-Type", "text/plain").status()).isEqualTo(415);
    assertThat(acme("GET", users + "/items?limt=5", null).json().get("problems").get(0).asText())
        .contains("unknown query parameter 'limt'");
    assertThat(acme("GET", users + "/items?limit=5000", null).status()).isEqualTo(400);
    assertThat(acme("GET", users + "/items?limit=-1", null).status()).isEqualTo(400);
    assertThat(acme("GET", users + "/items?limit=1&limit=2", null).status()).isEqualTo(400);
    assertThat(acme("PUT", users + "/items/x", "{}", "If-Match", "3").status()).isEqualTo(400);
    assertThat(acme("POST", users + "/items/x/restore", "{\"ov\": 1, \"at\": \"2025-01-01T00:00:00Z\"}").status())
        .isEqualTo(400);
    assertThat(acme("POST", users + "/items/x/enrich", "{\"patch\": {}}").status()).isEqualTo(400);
  }

  @Test
  void unknownRoutesAre404AndWrongMethods405WithAllow() {
    assertThat(acme("GET", "/v1/nothing", null).status()).isEqualTo(404);
    assertThat(acme("GET", users + "/items/", null).status()).isEqualTo(404);
    Answer wrong = acme("PATCH", users + "/items/x", "{}");
    assertThat(wrong.status()).isEqualTo(405);
    assertThat(wrong.header("Allow")).hasValueSatisfying(a -> assertThat(a).contains("GET", "PUT", "DELETE"));
  }

  @Test
  void bodiesOverTheLimitAre413WhetherDeclaredOrChunked() {
    String big = "{\"blob\": \"" + "x".repeat((int) MAX_BODY) + "\"}";
    Answer declared = acme("POST", users + "/items", big);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.json().get("status").asInt()).isEqualTo(413);

    HttpRequest chunked = HttpRequest.newBuilder(http.uri(users + "/items"))
        .header("Authorization", "Bearer " + ACME_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
        .build();
    assertThat(http.send(chunked).status()).isEqualTo(413);
    assertThat(acme("GET", users + "/items", null).json().get("items")).isEmpty();
  }

  // ---------------------------------------------------------------- keys and tenants

  @Test
  void requestsWithoutOrWithAWrongKeyAre401AndShowNoKey() {
    Answer none = http.send("GET", users + "/items", null);
    Answer wrong = http.send("GET", users + "/items", null, bearer("not-a-key-at-all-0000"));
    Answer basic = http.send("GET", users + "/items", null, "Authorization", "Basic " + ACME_KEY);

    for (Answer a : List.of(none, wrong, basic)) {
      assertThat(a.status()).isEqualTo(401);
      assertThat(a.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      assertThat(a.body()).doesNotContain(ACME_KEY, OTHER_KEY, ADMIN_KEY);
    }
    assertThat(http.send("GET", "/v1/nothing", null).status()).as("no route hints before the key").isEqualTo(401);
    assertThat(http.send("GET", "/v1/openapi.yaml", null).status()).isEqualTo(200);
  }

  @Test
  void aKeyReachesNoOtherTenantOnAnyResourceAndIsRefusedBeforeAnyStorageCall() {
    String id = create("{\"email\": \"mine@example.com\"}");
    String theirs = "/v1/t/" + otherTenant + "/crm/users";
    List<String[]> everyResource = List.of(
        new String[] {"POST", "/items", "{\"email\": \"x@example.com\"}"},
        new String[] {"GET", "/items", null},
        new String[] {"GET", "/items/" + id, null},
        new String[] {"PUT", "/items/" + id, "{\"email\": \"x@example.com\"}"},
        new String[] {"DELETE", "/items/" + id, null},
        new String[] {"POST", "/items/" + id + "/enrich", "{\"functionId\": \"f\", \"patch\": {}}"},
        new String[] {"POST", "/items/" + id + "/restore", "{\"ov\": 1}"},
        new String[] {"GET", "/items/" + id + "/history", null},
        new String[] {"GET", "/items/" + id + "/diff?from=0&to=1", null},
        new String[] {"GET", "/changes", null});
    List<String> failures = new ArrayList<>();
    awaitQuietStores(); // the create's after-commit work runs in the background
    fx.faults.reset();
    for (String[] r : everyResource) {
      for (String[] keyAndPrefix : List.of(new String[] {ACME_KEY, theirs}, new String[] {OTHER_KEY, users})) {
        Answer a = http.send(r[0], keyAndPrefix[1] + r[1], r[2], bearer(keyAndPrefix[0]));
        if (a.status() != 403 || !a.header("Content-Type").orElse("").equals("application/problem+json")) {
          failures.add(r[0] + " " + keyAndPrefix[1] + r[1] + " -> " + a);
        }
      }
    }
    assertThat(failures).isEmpty();
    // The after-commit timer tells the counters store each second which versions it may forget:
    // housekeeping of earlier writes, not a call any request made.
    assertThat(fx.faults.trace()).filteredOn(call -> !call.equals("counters.forget"))
        .as("storage calls made for refused requests").isEmpty();
    assertThat(acme("GET", "/v1/health", null).status()).as("health needs an admin key").isEqualTo(403);
    Answer admin = http.send("GET", theirs + "/items", null, bearer(ADMIN_KEY));
    assertThat(admin.status()).as("an admin key reaches every tenant").isEqualTo(200);
    assertThat(acme("GET", users + "/items/" + id, null).status()).as("nothing was written by refused calls")
        .isEqualTo(200);
    assertThat(acme("GET", users + "/items/" + id + "/history", null).json()).hasSize(1);
  }

  @Test
  void healthAnswersAdminKeys() {
    Answer health = http.send("GET", "/v1/health", null, bearer(ADMIN_KEY));

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("UP");
    assertThat(health.json().get("backends")).isNotEmpty();
    assertThat(health.body()).doesNotContain("secret");
  }

  // ---------------------------------------------------------------- injection corpus

  @Test
  void injectionAttemptsInFiltersCursorsAndPathSegmentsAre400() {
    List<String> filters = List.of("{\"$where\": \"sleep(1000)\"}", "{\"email\": {\"$regex\": \".*\"}}",
        "{\"password\": \"x\"}", "{\"$or\": \"x\"}", "{\"email\": {\"$gt\": {\"$where\": 1}}}", "not json",
        "{\"email\": {\"$in\": {}}}", "[]", "{\"status\": {\"$exists\": \"yes\"}}", "{\"__proto__\": 1}");
    List<String> cursors = List.of("garbage", "eyJ4IjoxfQ==", "{\"$where\": 1}", "../../etc/passwd", "%00",
        "A".repeat(5000));
    List<String> segments = List.of("..", "%2e%2e", "..%2F..", "a%2Fb", "%00", "a%00b", "$where", ".hidden",
        "a..b", "x".repeat(200), "%C0%AE", "caf%C3%A9", "a%20b", "%E2%80%AE");
    List<String> failures = new ArrayList<>();
    for (String filter : filters) {
      expect400(failures, "GET", users + "/items?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
    }
    for (String cursor : cursors) {
      expect400(failures, "GET", users + "/items?sort=email&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    }
    for (String segment : segments) {
      expect400(failures, "GET", users + "/items/" + segment);
      expect400(failures, "GET", "/v1/t/" + tenant + "/" + segment + "/users/items");
      expect400(failures, "GET", "/v1/t/" + tenant + "/crm/" + segment + "/items/x/history");
      expect400(failures, "GET", "/v1/ops/" + segment);
      if (!segment.equals("..") && !segment.equals("%2e%2e")) { // the client normalizes those away
        Answer a = http.send("GET", "/v1/t/" + segment + "/crm/users/items", null, bearer(ADMIN_KEY));
        if (a.status() != 400) {
          failures.add("tenant " + segment + " -> " + a);
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  private void expect400(List<String> failures, String method, String path) {
    Answer a = http.send(method, path, null, bearer(ADMIN_KEY));
    if (a.status() != 400 || !a.header("Content-Type").orElse("").equals("application/problem+json")) {
      failures.add(method + " " + path + " -> " + a);
    }
  }

  // ---------------------------------------------------------------- queued for retry

  @Test
  void aWriteQueuedForRetryAnswers202AndItsOpIsPendingThenDone() {
    String id = create("{\"email\": \"q@example.com\"}");
    // The pair's MongoDB draws no cvs: every write fails transiently before it commits anything.
    fx.faults.down("sequences.next", true);

    Answer queued = acme("POST", users + "/items", "{\"email\": \"queued@example.com\"}");
    Answer queuedUpdate = acme("PUT", users + "/items/" + id, "{\"email\": \"q2@example.com\"}",
        "Idempotency-Key", "upd-1");

    assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
    String requestId = queued.json().get("requestId").asText();
    assertThat(queued.header("Location")).hasValue("/v1/ops/" + requestId);
    String createdId = queued.json().get("id").asText();
    assertThat(queuedUpdate.status()).isEqualTo(202);
    assertThat(queuedUpdate.header("Location")).hasValue("/v1/ops/upd-1");
    JsonNode pending = acme("GET", "/v1/ops/" + requestId, null).json();
    assertThat(pending.get("status").asText()).isEqualTo("pending");
    assertThat(pending.get("op").asText()).isEqualTo("CREATE");
    assertThat(pending.get("id").asText()).isEqualTo(createdId);
    assertThat(pending.get("attempts").asInt()).isEqualTo(1);
    Answer othersView = http.send("GET", "/v1/ops/" + requestId, null, bearer(OTHER_KEY));
    Answer neverUsed = http.send("GET", "/v1/ops/never-queued", null, bearer(OTHER_KEY));
    assertThat(othersView.status()).as("another tenant's op is unknown, not forbidden").isEqualTo(404);
    assertThat(othersView.json().get("title")).isEqualTo(neverUsed.json().get("title"));
    assertThat(othersView.json().get("detail").asText().replace(requestId, "ID"))
        .isEqualTo(neverUsed.json().get("detail").asText().replace("never-queued", "ID"));
    assertThat(acme("GET", "/v1/ops/never-queued", null).status()).isEqualTo(404);

    fx.faults.up("sequences.next");
    FallbackApi queue = udm.fallback().orElseThrow();
    queue.startWorker();
    await(() -> queue.getQueueStats().queueSize() == 0);
    queue.stopWorker();

    JsonNode done = acme("GET", "/v1/ops/" + requestId, null).json();
    assertThat(done.get("status").asText()).isEqualTo("done");
    assertThat(done.get("location").asText()).isEqualTo(users + "/items/" + createdId);
    assertThat(acme("GET", done.get("location").asText(), null).json().get("data").get("email").asText())
        .isEqualTo("queued@example.com");
    assertThat(acme("GET", "/v1/ops/upd-1", null).json().get("status").asText()).isEqualTo("done");
    assertThat(acme("GET", users + "/items/" + id, null).json().get("ov").asLong()).isEqualTo(2);
    Answer replay = acme("PUT", users + "/items/" + id, "{\"email\": \"q2@example.com\"}", "Idempotency-Key", "upd-1");
    assertThat(replay.status()).as("the replay answers the committed result").isEqualTo(200);
    assertThat(replay.json().get("ov").asLong()).isEqualTo(2);
  }

  /** A request id names one request per tenant: two tenants queue the same key, each its own write. */
  @Test
  void twoTenantsQueueTheSameIdempotencyKeyAsTwoUnrelatedWrites() {
    String others = "/v1/t/" + otherTenant + "/crm/users";
    fx.faults.down("sequences.next", true);

    Answer mine = acme("POST", users + "/items", "{\"email\": \"mine@example.com\"}", "Idempotency-Key", "shared-1");
    Answer theirs = http.send("POST", others + "/items", "{\"email\": \"theirs@example.com\"}",
        bearer(OTHER_KEY, "Idempotency-Key", "shared-1"));

    assertThat(mine.status()).as(mine.toString()).isEqualTo(202);
    assertThat(theirs.status()).as("the other tenant's write is queued too: %s", theirs).isEqualTo(202);
    JsonNode myOp = acme("GET", "/v1/ops/shared-1", null).json();
    JsonNode theirOp = http.send("GET", "/v1/ops/shared-1", null, bearer(OTHER_KEY)).json();
    assertThat(myOp.get("tenant").asText()).isEqualTo(tenant);
    assertThat(theirOp.get("tenant").asText()).isEqualTo(otherTenant);

    fx.faults.up("sequences.next");
    FallbackApi queue = udm.fallback().orElseThrow();
    queue.startWorker();
    await(() -> queue.getQueueStats().queueSize() == 0);
    queue.stopWorker();
    assertThat(acme("GET", users + "/items/" + mine.json().get("id").asText(), null).json().get("data")
        .get("email").asText()).isEqualTo("mine@example.com");
    assertThat(http.send("GET", others + "/items/" + theirs.json().get("id").asText(), null, bearer(OTHER_KEY)).json()
        .get("data").get("email").asText()).isEqualTo("theirs@example.com");
  }

  /** Waits until the stores saw no call for 200 ms. */
  private void awaitQuietStores() {
    int seen = -1;
    while (fx.faults.trace().size() != seen) {
      seen = fx.faults.trace().size();
      try {
        TimeUnit.MILLISECONDS.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within 30 s");
      }
      try {
        TimeUnit.MILLISECONDS.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
