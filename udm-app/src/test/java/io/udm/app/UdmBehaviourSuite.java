package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.CreateResult;
import io.udm.api.DeleteResult;
import io.udm.api.EnrichBatchException;
import io.udm.api.ItemOps;
import io.udm.api.ItemView;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.Op;
import io.udm.api.Page;
import io.udm.api.ReadOptions;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.UpdateResult;
import io.udm.api.VersionInfo;
import io.udm.api.WriteOptions;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.CollectionValidation;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.OptimisticLockException;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour of the public API, written only against {@link Udm}. Each wiring (in-memory,
 * MongoDB + S3) runs this same suite through its own factory.
 */
public abstract class UdmBehaviourSuite {
  protected static final String USERS = "users";

  protected MutableClock clock;
  protected Udm udm;
  protected RouteContext ctx;
  protected ItemOps ops;

  /** A fresh Udm on the wiring under test, reading time from {@code clock}. */
  protected abstract Udm newUdm(UdmConfig config, MutableClock clock);

  /** The wiring's name, as printed with seeds and figures. */
  protected String wiring() {
    return getClass().getSimpleName();
  }

  /**
   * The object store that holds {@code ctx} for {@code udm} (a Udm this suite opened with {@link
   * #newUdm}), to damage it behind UDM's back; empty where the wiring keeps its stores out of reach.
   */
  protected abstract java.util.Optional<io.udm.spi.BlobStore> objectStoreBehindUdmsBack(Udm udm, RouteContext ctx);

  /** The bytes a presigned content URL of this wiring serves; throws when it refuses to serve them. */
  protected abstract byte[] fetchPresigned(java.net.URI url) throws Exception;

  protected static UdmConfig config() {
    return UdmConfig.builder()
        .putCollectionMaps(USERS, CollectionMap.builder()
            .addIndexedProps("email", "status", "age", "profile.city")
            .validation(CollectionValidation.builder().addRequiredIndexed("email").build())
            .build())
        .build();
  }

  @BeforeEach
  void openUdm() {
    clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    udm = newUdm(config(), clock);
    // A unique tenant per test isolates tests that share a server.
    ctx = RouteContext.of("t" + UUID.randomUUID().toString().substring(0, 8), "crm", USERS);
    ops = udm.with(ctx);
  }

  @AfterEach
  void closeUdm() {
    udm.close();
  }

  protected static Map<String, Object> user(String email, String status, int age) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("email", email);
    m.put("status", status);
    m.put("age", age);
    m.put("tags", List.of("a", "b"));
    m.put("profile", Map.of("city", "Paris", "zip", "75001"));
    return m;
  }

  protected static Map<String, Object> withAvatar(String status, byte[] avatar) {
    Map<String, Object> m = user("a@x.io", status, 1);
    m.put("avatar", java.util.Base64.getEncoder().encodeToString(avatar));
    return m;
  }

  @Nested
  class Create {
    @Test
    void createdItemReadsBackAtOvOneWithItsSystemHeader() {
      CreateResult r = ops.create(user("ada@example.com", "active", 36));

      ItemView view = ops.getLatest(r.id()).orElseThrow();
      assertThat(r.ov()).isEqualTo(1);
      assertThat(r.cv()).isPositive();
      assertThat(view.id()).isEqualTo(r.id());
      assertThat(view.ov()).isEqualTo(1);
      assertThat(view.cv()).isEqualTo(r.cv());
      assertThat(view.at()).isEqualTo(r.at());
      assertThat(view.data()).isEqualTo(JsonValues.fromMap(user("ada@example.com", "active", 36)));
      assertThat(view.data().has("_system")).isFalse();
      assertThat(view.meta()).isEqualTo(JsonValues.parseObject(
          "{\"email\":\"ada@example.com\",\"status\":\"active\",\"age\":36,\"profile\":{\"city\":\"Paris\"}}"));
      assertThat(view.system().insertedAt()).isEqualTo(r.at());
      assertThat(view.system().updatedAt()).isEqualTo(r.at());
      assertThat(view.system().deleted()).isFalse();
      assertThat(view.system().deletedAt()).isEmpty();
      assertThat(view.system().functionIds()).isEmpty();
      assertThat(view.deleted()).isFalse();
    }

    @Test
    void objectNodeAndMapOverloadsStoreTheSameDocument() {
      ObjectNode node = JsonValues.fromMap(user("a@x.io", "active", 1));
      String viaNode = ops.create(node).id();
      String viaMap = ops.create(user("a@x.io", "active", 1)).id();

      assertThat(ops.getLatest(viaNode).orElseThrow().data()).isEqualTo(ops.getLatest(viaMap).orElseThrow().data());
    }

    @Test
    void valuesHandedInAndOutAreCopies() {
      ObjectNode input = JsonValues.fromMap(user("a@x.io", "active", 1));
      String id = ops.create(input).id();
      input.put("status", "changed-after-create");

      ItemView view = ops.getLatest(id).orElseThrow();
      view.data().put("status", "changed-on-the-view");
      ObjectNode handedOut = view.data();
      handedOut.put("status", "changed-on-a-copy");

      assertThat(ops.getLatest(id).orElseThrow().data().path("status").asText()).isEqualTo("active");
      assertThat(view.data().path("status").asText()).isEqualTo("active");
    }

    @Test
    void generatedIdsAreUrlSafeAndComeInCreationOrder() {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        ids.add(ops.create(user("u" + i + "@x.io", "active", i)).id());
      }
      assertThat(ids).allMatch(id -> id.matches("[A-Za-z0-9._~-]+"));
      assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void anExplicitObjectIdIsUsedAndCannotBeCreatedTwice() {
      WriteOptions withId = WriteOptions.builder().objectId("user-42").build();
      assertThat(ops.create(user("a@x.io", "active", 1), withId).id()).isEqualTo("user-42");

      assertThatThrownBy(() -> ops.create(user("b@x.io", "active", 2), withId))
          .isInstanceOfSatisfying(OptimisticLockException.class, e -> {
            assertThat(e.expectedOv()).isZero();
            assertThat(e.actualOv()).isEqualTo(1);
          });
      assertThat(ops.history("user-42")).hasSize(1);
    }

    @Test
    void cvGrowsWithEveryWriteToTheCollection() {
      long cv1 = ops.create(user("a@x.io", "active", 1)).cv();
      String id = ops.create(user("b@x.io", "active", 2)).id();
      long cv3 = ops.update(id, user("b@x.io", "inactive", 2)).cv();
      assertThat(cv3).isGreaterThan(cv1);
      assertThat(ops.getLatest(id).orElseThrow().cv()).isEqualTo(cv3);
    }
  }

  @Nested
  class Validation {
    @Test
    void anInvalidObjectIdIsRejectedAndNothingIsWritten() {
      for (String bad : List.of("../etc", "a/b", "$where", "", "x".repeat(200), "a\u0000b")) {
        assertThatThrownBy(() -> ops.create(user("a@x.io", "active", 1), WriteOptions.builder().objectId(bad).build()))
            .as("objectId %s", bad)
            .isInstanceOf(ValidationException.class)
            .hasMessageContaining("objectId");
      }
      assertThat(ops.listByMeta(MetaQuery.all(), ListOptions.defaults()).items()).isEmpty();
    }

    @Test
    void aMissingRequiredIndexedPropIsNamedAndNothingIsWritten() {
      Map<String, Object> noEmail = user("a@x.io", "active", 1);
      noEmail.remove("email");
      assertThatThrownBy(() -> ops.create(noEmail))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.problems()).anyMatch(p -> p.contains("email")));
      assertThat(ops.listByMeta(MetaQuery.all(), ListOptions.defaults()).items()).isEmpty();
    }

    @Test
    void everyProblemOfADocumentIsReportedAtOnce() {
      Map<String, Object> bad = new LinkedHashMap<>();
      bad.put("_system", Map.of("deleted", true));
      bad.put("$set", 1);
      bad.put("a.b", 2);
      assertThatThrownBy(() -> ops.create(bad))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(3));
    }

    @Test
    void anUnknownQueryOperatorIsRejected() {
      assertThatThrownBy(() -> ops.listByMeta(MetaQuery.fromJson("{\"email\": {\"$where\": \"1\"}}"), ListOptions.defaults()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("$where");
      assertThatThrownBy(() -> MetaQuery.fromJson("{\"$expr\": {}}")).isInstanceOf(ValidationException.class);
    }

    @Test
    void aQueryOnANonIndexedPropIsRejected() {
      assertThatThrownBy(() -> ops.listByMeta(MetaQuery.fromJson("{\"name\": \"Ada\"}"), ListOptions.defaults()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("name")
          .hasMessageContaining("indexed");
    }

    @Test
    void anInvalidRouteContextIsRejected() {
      assertThatThrownBy(() -> RouteContext.of("../x", "db", "c")).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> RouteContext.of("t", "$db", "c")).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> RouteContext.of("t", "db", "a/b")).isInstanceOf(ValidationException.class);
    }
  }

  @Nested
  class Update {
    @Test
    void anUpdateReplacesTheWholeDocumentAsANewVersion() {
      CreateResult c = ops.create(user("a@x.io", "active", 1));
      UpdateResult u = ops.update(c.id(), Map.of("email", "a@x.io", "status", "vip"));

      ItemView view = ops.getLatest(c.id()).orElseThrow();
      assertThat(u.ov()).isEqualTo(2);
      assertThat(u.cv()).isGreaterThan(c.cv());
      assertThat(view.data()).isEqualTo(JsonValues.parseObject("{\"email\":\"a@x.io\",\"status\":\"vip\"}"));
      assertThat(view.system().insertedAt()).isEqualTo(c.at());
      assertThat(view.system().updatedAt()).isEqualTo(u.at()).isAfter(c.at());
    }

    @Test
    void aStaleExpectedOvIsRejectedWithExpectedAndActualAndWritesNothing() {
      String id = ops.create(user("a@x.io", "active", 1)).id();
      ops.update(id, user("a@x.io", "vip", 1), WriteOptions.builder().expectedOv(1).build());

      assertThatThrownBy(() -> ops.update(id, user("a@x.io", "gone", 1), WriteOptions.builder().expectedOv(1).build()))
          .isInstanceOfSatisfying(OptimisticLockException.class, e -> {
            assertThat(e.expectedOv()).isEqualTo(1);
            assertThat(e.actualOv()).isEqualTo(2);
            assertThat(e.getMessage()).contains(id);
          });
      assertThat(ops.history(id)).hasSize(2);
      assertThat(ops.getLatest(id).orElseThrow().data().path("status").asText()).isEqualTo("vip");
    }

    @Test
    void updatingAMissingItemIsNotFound() {
      assertThatThrownBy(() -> ops.update("nope", user("a@x.io", "active", 1))).isInstanceOf(NotFoundException.class);
    }
  }

  @Nested
  class Delete {
    @Test
    void aDeletedItemIsHiddenUnlessAskedForAndKeepsItsHistory() {
      CreateResult c = ops.create(user("a@x.io", "active", 1));
      DeleteResult d = ops.delete(c.id(), WriteOptions.builder().actor("admin").reason("gdpr").build());

      assertThat(d.ov()).isEqualTo(2);
      assertThat(ops.getLatest(c.id())).isEmpty();
      ItemView deleted = ops.getLatest(c.id(), ReadOptions.builder().includeDeleted(true).build()).orElseThrow();
      assertThat(deleted.deleted()).isTrue();
      assertThat(deleted.system().deleted()).isTrue();
      assertThat(deleted.system().deletedAt()).contains(d.at());
      assertThat(deleted.data().path("email").asText()).isEqualTo("a@x.io");
      assertThat(ops.history(c.id())).extracting(VersionInfo::op).containsExactly(Op.CREATE, Op.DELETE);
      assertThat(ops.getVersion(c.id(), 1).orElseThrow().data().path("status").asText()).isEqualTo("active");
    }

    @Test
    void aDeletedItemCannotBeUpdatedOrDeletedAgain() {
      String id = ops.create(user("a@x.io", "active", 1)).id();
      ops.delete(id);
      assertThatThrownBy(() -> ops.update(id, user("a@x.io", "active", 1)))
          .isInstanceOf(NotFoundException.class).hasMessageContaining("restore");
      assertThatThrownBy(() -> ops.delete(id)).isInstanceOf(NotFoundException.class);
      assertThat(ops.history(id)).hasSize(2);
    }

    @Test
    void deletingAMissingItemIsNotFound() {
      assertThatThrownBy(() -> ops.delete("nope")).isInstanceOf(NotFoundException.class);
    }
  }

  @Nested
  class Reads {
    @Test
    void everyVersionStaysReadable() {
      String id = ops.create(user("a@x.io", "v1", 1)).id();
      ops.update(id, user("a@x.io", "v2", 1));
      ops.update(id, user("a@x.io", "v3", 1));

      for (int ov = 1; ov <= 3; ov++) {
        assertThat(ops.getVersion(id, ov).orElseThrow().data().path("status").asText()).isEqualTo("v" + ov);
      }
      assertThat(ops.getVersion(id, 4)).isEmpty();
      assertThat(ops.getLatest("never-created")).isEmpty();
      assertThatThrownBy(() -> ops.getVersion(id, 0)).isInstanceOf(ValidationException.class);
    }

    @Test
    void asOfReturnsTheNewestVersionAtOrBeforeTheInstant() {
      Instant before = clock.peek().minusSeconds(1);
      CreateResult c = ops.create(user("a@x.io", "v1", 1));
      clock.advance(Duration.ofMinutes(1));
      UpdateResult u = ops.update(c.id(), user("a@x.io", "v2", 1));
      clock.advance(Duration.ofMinutes(1));
      DeleteResult d = ops.delete(c.id());

      assertThat(ops.getAsOf(c.id(), before)).isEmpty();
      assertThat(ops.getAsOf(c.id(), c.at()).orElseThrow().ov()).isEqualTo(1);
      assertThat(ops.getAsOf(c.id(), c.at().plusSeconds(30)).orElseThrow().ov()).isEqualTo(1);
      assertThat(ops.getAsOf(c.id(), u.at()).orElseThrow().ov()).isEqualTo(2);
      assertThat(ops.getAsOf(c.id(), u.at().plusSeconds(30)).orElseThrow().data().path("status").asText()).isEqualTo("v2");
      assertThat(ops.getAsOf(c.id(), d.at())).isEmpty();
      assertThat(ops.getAsOf(c.id(), d.at(), ReadOptions.builder().includeDeleted(true).build()).orElseThrow().ov())
          .isEqualTo(3);
    }

    @Test
    void historyListsEveryVersionOldestFirstWithWhoAndWhy() {
      String id = ops.create(user("a@x.io", "v1", 1), WriteOptions.builder().actor("alice").reason("signup").build()).id();
      ops.update(id, user("a@x.io", "v2", 1), WriteOptions.builder().actor("bob").build());
      ops.delete(id);

      List<VersionInfo> history = ops.history(id);
      assertThat(history).extracting(VersionInfo::ov).containsExactly(1L, 2L, 3L);
      assertThat(history).extracting(VersionInfo::op).containsExactly(Op.CREATE, Op.UPDATE, Op.DELETE);
      assertThat(history.get(0).actor()).contains("alice");
      assertThat(history.get(0).reason()).contains("signup");
      assertThat(history.get(1).actor()).contains("bob");
      assertThat(history.get(2).actor()).isEmpty();
      assertThat(history).extracting(VersionInfo::cv).isSorted();
      assertThat(ops.history("never-created")).isEmpty();
    }
  }

  @Nested
  class Listing {
    private final Map<String, String> emailById = new LinkedHashMap<>();

    @BeforeEach
    void someUsers() {
      String[][] rows = {
          {"e@x.io", "active", "50"}, {"b@x.io", "inactive", "20"}, {"d@x.io", "active", "40"},
          {"a@x.io", "active", "10"}, {"c@x.io", "trial", "30"}};
      for (String[] r : rows) {
        emailById.put(ops.create(user(r[0], r[1], Integer.parseInt(r[2]))).id(), r[0]);
      }
    }

    private List<String> emails(Page<ItemView> page) {
      return page.items().stream().map(v -> v.data().path("email").asText()).toList();
    }

    @Test
    void filtersByEqualityInAndRange() {
      assertThat(emails(ops.listByMeta(Map.of("status", "active"), ListOptions.builder().sortBy("email", true).build())))
          .containsExactly("a@x.io", "d@x.io", "e@x.io");
      assertThat(emails(ops.listByMeta(MetaQuery.fromJson("{\"status\": {\"$in\": [\"trial\", \"inactive\"]}}"),
          ListOptions.builder().sortBy("email", true).build())))
          .containsExactly("b@x.io", "c@x.io");
      assertThat(emails(ops.listByMeta(MetaQuery.fromJson("{\"age\": {\"$gte\": 30, \"$lt\": 50}}"),
          ListOptions.builder().sortBy("age", false).build())))
          .containsExactly("d@x.io", "c@x.io");
      assertThat(emails(ops.listByMeta(MetaQuery.fromJson(
          "{\"$or\": [{\"age\": {\"$lte\": 10}}, {\"status\": \"trial\"}], \"profile.city\": \"Paris\"}"),
          ListOptions.builder().sortBy("email", true).build())))
          .containsExactly("a@x.io", "c@x.io");
    }

    @Test
    void byDefaultItemsComeInIdOrder() {
      assertThat(ops.listByMeta(MetaQuery.all()).items()).extracting(ItemView::id)
          .containsExactlyElementsOf(emailById.keySet().stream().sorted().toList());
    }

    @Test
    void keysetPaginationReturnsEveryItemExactlyOnce() {
      for (boolean ascending : List.of(true, false)) {
        List<String> seen = new ArrayList<>();
        ListOptions.Builder opts = ListOptions.builder().sortBy("age", ascending).limit(2);
        Page<ItemView> page = ops.listByMeta(MetaQuery.all(), opts.build());
        int pages = 1;
        seen.addAll(emails(page));
        while (page.nextCursor().isPresent()) {
          page = ops.listByMeta(MetaQuery.all(), ListOptions.builder().sortBy("age", ascending).limit(2)
              .cursor(page.nextCursor().get()).build());
          seen.addAll(emails(page));
          pages++;
        }
        List<String> expected = new ArrayList<>(List.of("a@x.io", "b@x.io", "c@x.io", "d@x.io", "e@x.io"));
        if (!ascending) {
          java.util.Collections.reverse(expected);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
      }
    }

    @Test
    void aCursorFromAnotherSortIsRejected() {
      Page<ItemView> page = ops.listByMeta(MetaQuery.all(), ListOptions.builder().sortBy("age", true).limit(2).build());
      String cursor = page.nextCursor().orElseThrow();
      assertThatThrownBy(() -> ops.listByMeta(MetaQuery.all(),
          ListOptions.builder().sortBy("email", true).limit(2).cursor(cursor).build()))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> ops.listByMeta(MetaQuery.all(),
          ListOptions.builder().limit(2).cursor("not-a-cursor").build()))
          .isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"$gt\": \"\"}", "[\"a\", \"b\"]", "{\"$where\": \"1\"}"})
    void aCraftedCursorWhoseSortValueIsNotAScalarIsRejected(String sortValue) {
      Page<ItemView> page = ops.listByMeta(MetaQuery.all(), ListOptions.builder().sortBy("email", true).limit(2).build());
      String genuine = new String(java.util.Base64.getUrlDecoder().decode(page.nextCursor().orElseThrow()),
          java.nio.charset.StandardCharsets.UTF_8);
      ObjectNode crafted = JsonValues.parseObject(genuine);
      crafted.set("v", JsonValues.fromBytes(sortValue.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      String cursor = java.util.Base64.getUrlEncoder().withoutPadding()
          .encodeToString(JsonValues.toBytes(crafted));

      assertThatThrownBy(() -> ops.listByMeta(MetaQuery.all(),
          ListOptions.builder().sortBy("email", true).limit(2).cursor(cursor).build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("cursor is malformed");
      // The genuine cursor, re-encoded the same way, still works: the refusal is about the value alone.
      crafted.set("v", JsonValues.parseObject(genuine).get("v"));
      String reencoded = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(JsonValues.toBytes(crafted));
      assertThat(ops.listByMeta(MetaQuery.all(),
          ListOptions.builder().sortBy("email", true).limit(2).cursor(reencoded).build()).items()).hasSize(2);
    }

    @Test
    void deletedItemsAreListedOnlyWhenAskedFor() {
      String first = emailById.keySet().iterator().next();
      ops.delete(first);
      assertThat(ops.listByMeta(MetaQuery.all()).items()).extracting(ItemView::id).doesNotContain(first).hasSize(4);
      assertThat(ops.listByMeta(MetaQuery.all(), ListOptions.builder().includeDeleted(true).build()).items())
          .extracting(ItemView::id).contains(first).hasSize(5);
    }

    @Test
    void listingsReflectUpdates() {
      String id = emailById.keySet().iterator().next();
      ops.update(id, user("e@x.io", "trial", 50));
      assertThat(emails(ops.listByMeta(Map.of("status", "trial"), ListOptions.builder().sortBy("email", true).build())))
          .containsExactly("c@x.io", "e@x.io");
    }

    @Test
    void limitsOutsideOneToAThousandAreRejected() {
      assertThatThrownBy(() -> ListOptions.builder().limit(0).build()).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> ListOptions.builder().limit(1001).build()).isInstanceOf(ValidationException.class);
    }
  }

  @Nested
  class Idempotency {
    @Test
    void aReplayedRequestIdReturnsTheFirstResultAndWritesOnce() {
      WriteOptions opts = WriteOptions.builder().objectId("idem-1").requestId("req-1").build();
      CreateResult first = ops.create(user("a@x.io", "active", 1), opts);
      CreateResult again = ops.create(user("a@x.io", "active", 1), opts);
      assertThat(again).isEqualTo(first);

      WriteOptions upd = WriteOptions.builder().requestId("req-2").build();
      UpdateResult u1 = ops.update("idem-1", user("a@x.io", "vip", 1), upd);
      UpdateResult u2 = ops.update("idem-1", user("a@x.io", "vip", 1), upd);
      assertThat(u2).isEqualTo(u1);
      assertThat(ops.history("idem-1")).hasSize(2);
    }

    @Test
    void aRequestIdReusedForADifferentRequestIsRejected() {
      String id = ops.create(user("a@x.io", "active", 1)).id();
      ops.update(id, user("a@x.io", "vip", 1), WriteOptions.builder().requestId("req-x").build());
      assertThatThrownBy(() -> ops.update(id, user("a@x.io", "other", 1), WriteOptions.builder().requestId("req-x").build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("req-x");
      assertThat(ops.history(id)).hasSize(2);
    }
  }

  @Nested
  class Concurrency {
    @Test
    void compareAndSetUpdatesFromEightThreadsKeepAGaplessHistory() throws Exception {
      String id = ops.create(Map.of("email", "c@x.io", "n", 0)).id();
      int threads = 8;
      int attemptsPerThread = 40;
      AtomicInteger successes = new AtomicInteger();
      AtomicInteger conflicts = new AtomicInteger();
      List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
      Set<Long> ackedOvs = java.util.Collections.synchronizedSet(new HashSet<>());
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < attemptsPerThread; i++) {
            ItemView current = ops.getLatest(id).orElseThrow();
            try {
              UpdateResult r = ops.update(id, Map.of("email", "c@x.io", "n", current.ov(), "by", thread),
                  WriteOptions.builder().expectedOv(current.ov()).build());
              successes.incrementAndGet();
              ackedOvs.add(r.ov());
            } catch (OptimisticLockException e) {
              conflicts.incrementAndGet();
            } catch (Throwable e) {
              unexpected.add(e);
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
      pool.shutdown();

      assertThat(unexpected).isEmpty();
      assertThat(successes.get() + conflicts.get()).isEqualTo(threads * attemptsPerThread);
      ItemView last = ops.getLatest(id).orElseThrow();
      assertThat(last.ov()).isEqualTo(successes.get() + 1L);
      List<VersionInfo> history = ops.history(id);
      assertThat(history).extracting(VersionInfo::ov)
          .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, last.ov()).boxed().toList());
      assertThat(ackedOvs).hasSize(successes.get());
      assertThat(history.stream().map(VersionInfo::cv).collect(Collectors.toList())).doesNotHaveDuplicates();
      System.out.printf("8 threads x 40 CAS updates: %d succeeded, %d conflicted, final ov %d%n",
          successes.get(), conflicts.get(), last.ov());
    }
  }

  @Nested
  class Routing {
    @Test
    void routeIsDeterministicAndPointsAtAConfiguredBackend() {
      var first = udm.route(ctx);
      assertThat(udm.route(RouteContext.of(ctx.tenantId(), ctx.dbName(), ctx.collection()))).isEqualTo(first);
      assertThat(udm.admin().listBackends()).extracting(b -> b.backendId()).contains(first.backendId());
      assertThat(udm.admin().listBackends().get(first.index()).backendId()).isEqualTo(first.backendId());
    }

    @Test
    void healthReportsEveryBackendUp() {
      var health = udm.admin().health();
      assertThat(health.status()).isEqualTo(io.udm.api.HealthStatus.UP);
      assertThat(health.backends()).hasSameSizeAs(udm.admin().listBackends());
    }

    @Test
    void aClosedUdmRefusesNewWork() {
      udm.close();
      udm.close();
      assertThatThrownBy(() -> udm.with(ctx)).hasMessageContaining("shut down");
    }
  }

  // ------------------------------------------------------------------ history features

  /** Opens another Udm on the same wiring with a changed config; closed after each test. */
  abstract class WithConfig {
    protected Udm tuned;
    protected ItemOps tunedOps;
    /** A collection of its own: on MongoDB + S3 the tuned Udm's backends differ from {@link #udm}'s. */
    protected RouteContext tctx;

    protected abstract UdmConfig tunedConfig();

    /** The tuned Udm's clock: the suite's unless a group needs its own. */
    protected MutableClock tunedClock() {
      return clock;
    }

    @BeforeEach
    void openTuned() {
      tuned = newUdm(tunedConfig(), tunedClock());
      tctx = RouteContext.of(ctx.tenantId(), "tuned", USERS);
      tunedOps = tuned.with(tctx);
    }

    @AfterEach
    void closeTuned() {
      tuned.close();
    }
  }

  @Nested
  class Enrichment {
    private final io.udm.api.EnrichOptions scorer = io.udm.api.EnrichOptions.builder().functionId("scorer@v1").build();

    @Test
    void aPatchIsDeepMergedAndItsFunctionRecordedOnceAsAnEnrichVersion() {
      String id = ops.create(user("a@x.io", "active", 1)).id();
      io.udm.api.EnrichResult first = ops.enrich(id, Map.of("score", 7, "tags", List.of("b", "c"),
          "profile", Map.of("zip", "75002", "geo", Map.of("lat", 48.8))), scorer);
      Map<String, Object> removeStatus = new LinkedHashMap<>();
      removeStatus.put("status", null);
      removeStatus.put("tags", List.of("c", "d"));
      io.udm.api.EnrichResult second = ops.enrich(id, removeStatus, scorer);
      io.udm.api.EnrichResult third = ops.enrich(id, Map.of("flag", true), io.udm.api.EnrichOptions.builder().functionId("tagger@v2").build());

      assertThat(first.ov()).isEqualTo(2);
      assertThat(second.ov()).isEqualTo(3);
      assertThat(first.functionIds()).containsExactly("scorer@v1");
      assertThat(second.functionIds()).containsExactly("scorer@v1");
      assertThat(third.functionIds()).containsExactly("scorer@v1", "tagger@v2");
      ItemView view = ops.getLatest(id).orElseThrow();
      assertThat(view.data()).isEqualTo(JsonValues.parseObject("{\"email\":\"a@x.io\",\"age\":1,"
          + "\"tags\":[\"a\",\"b\",\"c\",\"d\"],\"profile\":{\"city\":\"Paris\",\"zip\":\"75002\",\"geo\":{\"lat\":48.8}},"
          + "\"score\":7,\"flag\":true}"));
      assertThat(view.meta().has("status")).isFalse();
      assertThat(view.system().functionIds()).containsExactly("scorer@v1", "tagger@v2");
      assertThat(view.system().updatedAt()).isEqualTo(third.at());
      List<VersionInfo> history = ops.history(id);
      assertThat(history).extracting(VersionInfo::op).containsExactly(Op.CREATE, Op.ENRICH, Op.ENRICH, Op.ENRICH);
      assertThat(history.get(1).functionId()).contains("scorer@v1");
      assertThat(history.get(3).functionId()).contains("tagger@v2");
      assertThat(history.get(0).functionId()).isEmpty();
    }

    @Test
    void anEmptyPatchChangesNoDataAndTheSamePatchTwiceChangesDataOnce() {
      String id = ops.create(user("a@x.io", "active", 1)).id();
      ObjectNode before = ops.getLatest(id).orElseThrow().data();
      ops.enrich(id, Map.of(), scorer);
      assertThat(ops.getLatest(id).orElseThrow().data()).isEqualTo(before);

      Map<String, Object> patch = Map.of("tags", List.of("z"), "profile", Map.of("n", 1));
      ops.enrich(id, patch, scorer);
      ObjectNode once = ops.getLatest(id).orElseThrow().data();
      ops.enrich(id, patch, scorer);
      assertThat(ops.getLatest(id).orElseThrow().data()).isEqualTo(once);
    }

    @Test
    void expectedOvIsHonoured() {
      String id = ops.create(user("a@x.io", "active", 1)).id();
      assertThatThrownBy(() -> ops.enrich(id, Map.of("x", 1), io.udm.api.EnrichOptions.builder().functionId("f").expectedOv(3).build()))
          .isInstanceOfSatisfying(OptimisticLockException.class, e -> {
            assertThat(e.expectedOv()).isEqualTo(3);
            assertThat(e.actualOv()).isEqualTo(1);
          });
      assertThat(ops.enrich(id, Map.of("x", 1), io.udm.api.EnrichOptions.builder().functionId("f").expectedOv(1).build()).ov())
          .isEqualTo(2);
      assertThat(ops.history(id)).hasSize(2);
    }

    @Test
    void missingAndDeletedItemsAreNotFoundAndInvalidPatchesAreRejected() {
      assertThatThrownBy(() -> ops.enrich("nope", Map.of("x", 1), scorer)).isInstanceOf(NotFoundException.class);
      String id = ops.create(user("a@x.io", "active", 1)).id();
      Map<String, Object> noEmail = new LinkedHashMap<>();
      noEmail.put("email", null);
      assertThatThrownBy(() -> ops.enrich(id, noEmail, scorer))
          .isInstanceOf(ValidationException.class).hasMessageContaining("email");
      assertThatThrownBy(() -> ops.enrich(id, Map.of("_system", Map.of("deleted", true)), scorer))
          .isInstanceOf(ValidationException.class);
      ops.delete(id);
      assertThatThrownBy(() -> ops.enrich(id, Map.of("x", 1), scorer)).isInstanceOf(NotFoundException.class);
      assertThat(ops.history(id)).hasSize(2);
    }

    @Test
    void aReplayedRequestIdEnrichesOnce() {
      String id = ops.create(user("a@x.io", "active", 1)).id();
      io.udm.api.EnrichOptions opts = io.udm.api.EnrichOptions.builder().functionId("f@1").requestId("enrich-1").build();
      io.udm.api.EnrichResult first = ops.enrich(id, Map.of("n", 1), opts);
      assertThat(ops.enrich(id, Map.of("n", 1), opts)).isEqualTo(first);
      assertThat(ops.history(id)).hasSize(2);
    }

    @Test
    void aBatchReportsEveryItemAndOneFailureUndoesNoOther() {
      String a = ops.create(user("a@x.io", "active", 1)).id();
      String b = ops.create(user("b@x.io", "active", 2)).id();
      List<io.udm.api.EnrichResult> all = ops.enrichBatch(List.of(
          new io.udm.api.EnrichRequest(a, JsonValues.fromMap(Map.of("s", 1)), scorer),
          new io.udm.api.EnrichRequest(b, JsonValues.fromMap(Map.of("s", 2)), scorer)));
      assertThat(all).extracting(io.udm.api.EnrichResult::id).containsExactly(a, b);
      assertThat(all).extracting(io.udm.api.EnrichResult::ov).containsExactly(2L, 2L);

      assertThatThrownBy(() -> ops.enrichBatch(List.of(
          new io.udm.api.EnrichRequest(a, JsonValues.fromMap(Map.of("s", 3)), scorer),
          new io.udm.api.EnrichRequest("missing", JsonValues.fromMap(Map.of("s", 3)), scorer),
          new io.udm.api.EnrichRequest(b, JsonValues.fromMap(Map.of("s", 4)), io.udm.api.EnrichOptions.builder().functionId("f").expectedOv(1).build()),
          new io.udm.api.EnrichRequest(b, JsonValues.fromMap(Map.of("s", 5)), scorer))))
          .isInstanceOfSatisfying(EnrichBatchException.class, e -> {
            assertThat(e.outcomes()).extracting(EnrichBatchException.Outcome::succeeded)
                .containsExactly(true, false, false, true);
            assertThat(e.failures().get(0).error().orElseThrow()).isInstanceOf(NotFoundException.class);
            assertThat(e.failures().get(1).error().orElseThrow()).isInstanceOf(OptimisticLockException.class);
            assertThat(e.succeeded()).extracting(io.udm.api.EnrichResult::ov).containsExactly(3L, 3L);
            assertThat(e.getMessage()).contains("2 of 4").contains("missing");
          });
      assertThat(ops.getLatest(a).orElseThrow().data().path("s").asInt()).isEqualTo(3);
      assertThat(ops.getLatest(b).orElseThrow().data().path("s").asInt()).isEqualTo(5);
    }
  }

  @Nested
  class ObjectRestore {
    @Test
    void aRestoreAppendsAVersionWithTheTargetsContent() {
      String id = ops.create(user("a@x.io", "v1", 1)).id();
      ops.update(id, user("a@x.io", "v2", 2));
      ops.enrich(id, Map.of("extra", 1), io.udm.api.EnrichOptions.builder().functionId("f@1").build());

      io.udm.api.RestoreResult r = ops.restoreObject(id, io.udm.api.RestoreTarget.version(1), WriteOptions.builder().actor("ops").reason("oops").build());
      assertThat(r.ov()).isEqualTo(4);
      assertThat(r.restoredFromOv()).isEqualTo(1);
      assertThat(r.id()).isEqualTo(id);
      ItemView view = ops.getLatest(id).orElseThrow();
      assertThat(view.data()).isEqualTo(ops.getVersion(id, 1).orElseThrow().data());
      assertThat(view.meta()).isEqualTo(ops.getVersion(id, 1).orElseThrow().meta());
      assertThat(view.cv()).isEqualTo(r.cv());
      assertThat(view.system().insertedAt()).isEqualTo(ops.getVersion(id, 1).orElseThrow().system().insertedAt());
      List<VersionInfo> history = ops.history(id);
      assertThat(history).extracting(VersionInfo::op).containsExactly(Op.CREATE, Op.UPDATE, Op.ENRICH, Op.RESTORE);
      assertThat(history.get(3).actor()).contains("ops");
      assertThat(history.get(3).reason()).contains("oops");
      // History is never rewritten.
      assertThat(ops.getVersion(id, 2).orElseThrow().data().path("status").asText()).isEqualTo("v2");
    }

    @Test
    void restoringADeletedItemBringsItBack() {
      String id = ops.create(user("a@x.io", "v1", 1)).id();
      ops.delete(id);
      assertThat(ops.getLatest(id)).isEmpty();

      io.udm.api.RestoreResult r = ops.restoreObject(id, io.udm.api.RestoreTarget.version(1));
      ItemView view = ops.getLatest(id).orElseThrow();
      assertThat(view.deleted()).isFalse();
      assertThat(view.system().deletedAt()).isEmpty();
      assertThat(view.ov()).isEqualTo(r.ov()).isEqualTo(3);
      assertThat(view.data().path("status").asText()).isEqualTo("v1");
      assertThat(ops.listByMeta(MetaQuery.all()).items()).extracting(ItemView::id).contains(id);
      ops.update(id, user("a@x.io", "v4", 1));
    }

    @Test
    void aRestoreAsOfAnInstantTakesTheNewestVersionAtOrBeforeIt() {
      CreateResult c = ops.create(user("a@x.io", "v1", 1));
      clock.advance(Duration.ofMinutes(1));
      UpdateResult u = ops.update(c.id(), user("a@x.io", "v2", 1));
      clock.advance(Duration.ofMinutes(1));
      ops.update(c.id(), user("a@x.io", "v3", 1));

      io.udm.api.RestoreResult r = ops.restoreObject(c.id(), io.udm.api.RestoreTarget.at(u.at().plusSeconds(30)));
      assertThat(r.restoredFromOv()).isEqualTo(2);
      assertThat(ops.getLatest(c.id()).orElseThrow().data().path("status").asText()).isEqualTo("v2");
      assertThatThrownBy(() -> ops.restoreObject(c.id(), io.udm.api.RestoreTarget.at(c.at().minusSeconds(1))))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    void missingItemsVersionsAndWrongTargetsAreRefused() {
      String id = ops.create(user("a@x.io", "v1", 1)).id();
      assertThatThrownBy(() -> ops.restoreObject(id, io.udm.api.RestoreTarget.version(9))).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("9");
      assertThatThrownBy(() -> ops.restoreObject("nope", io.udm.api.RestoreTarget.version(1))).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> ops.restoreObject(id, io.udm.api.RestoreTarget.collectionVersion(1)))
          .isInstanceOf(ValidationException.class);
      assertThat(ops.history(id)).hasSize(1);
    }

    @Test
    void expectedOvAndRequestIdsAreHonoured() {
      String id = ops.create(user("a@x.io", "v1", 1)).id();
      ops.update(id, user("a@x.io", "v2", 1));
      assertThatThrownBy(() -> ops.restoreObject(id, io.udm.api.RestoreTarget.version(1), WriteOptions.builder().expectedOv(1).build()))
          .isInstanceOfSatisfying(OptimisticLockException.class, e -> assertThat(e.actualOv()).isEqualTo(2));
      WriteOptions once = WriteOptions.builder().expectedOv(2).requestId("restore-once").build();
      io.udm.api.RestoreResult first = ops.restoreObject(id, io.udm.api.RestoreTarget.version(1), once);
      assertThat(ops.restoreObject(id, io.udm.api.RestoreTarget.version(1), once)).isEqualTo(first);
      assertThat(ops.history(id)).hasSize(3);
    }
  }

  @Nested
  class CollectionRestores {

    @Test
    void everyItemGoesBackToItsStateAtTheCollectionVersion() {
      String unchanged = ops.create(user("u@x.io", "same", 1)).id();
      String updated = ops.create(user("p@x.io", "before", 2)).id();
      String deletedLater = ops.create(user("d@x.io", "live", 3)).id();
      String deletedBefore = ops.create(user("g@x.io", "gone", 4)).id();
      ops.delete(deletedBefore);
      String revertedByHand = ops.create(user("r@x.io", "orig", 5)).id();
      long target = ops.update(revertedByHand, user("r@x.io", "orig", 5)).cv();

      ops.update(updated, user("p@x.io", "after", 2));
      ops.enrich(updated, Map.of("x", 1), io.udm.api.EnrichOptions.builder().functionId("f").build());
      ops.delete(deletedLater);
      ops.update(revertedByHand, user("r@x.io", "changed", 5));
      ops.update(revertedByHand, user("r@x.io", "orig", 5));
      String createdAfter = ops.create(user("n@x.io", "new", 6)).id();
      String createdAfterAndDeleted = ops.create(user("m@x.io", "new", 7)).id();
      ops.delete(createdAfterAndDeleted);

      List<io.udm.api.Progress> progress = new ArrayList<>();
      io.udm.api.CollectionRestoreResult r = ops.restoreCollection(io.udm.api.RestoreTarget.collectionVersion(target),
          WriteOptions.builder().actor("ops").build(), progress::add);

      assertThat(r.restored()).isEqualTo(2);   // updated, deletedLater
      assertThat(r.deleted()).isEqualTo(1);    // createdAfter
      assertThat(r.unchanged()).isEqualTo(4);  // unchanged, deletedBefore, revertedByHand, createdAfterAndDeleted
      assertThat(r.cv()).isGreaterThan(target);
      assertThat(ops.getLatest(updated).orElseThrow().data().path("status").asText()).isEqualTo("before");
      assertThat(ops.getLatest(updated).orElseThrow().data().has("x")).isFalse();
      assertThat(ops.getLatest(deletedLater).orElseThrow().data().path("status").asText()).isEqualTo("live");
      assertThat(ops.getLatest(createdAfter)).isEmpty();
      assertThat(ops.getLatest(deletedBefore)).isEmpty();
      assertThat(ops.history(unchanged)).hasSize(1);
      assertThat(ops.history(revertedByHand)).hasSize(4);
      assertThat(ops.history(updated)).extracting(VersionInfo::op).endsWith(Op.RESTORE);
      assertThat(ops.history(updated).get(ops.history(updated).size() - 1).actor()).contains("ops");
      assertThat(ops.history(createdAfter)).extracting(VersionInfo::op).containsExactly(Op.CREATE, Op.RESTORE);
      assertThat(ops.listByMeta(MetaQuery.all()).items()).extracting(ItemView::id)
          .containsExactlyInAnyOrder(unchanged, updated, deletedLater, revertedByHand);
      assertThat(progress).isNotEmpty();
      io.udm.api.Progress last = progress.get(progress.size() - 1);
      assertThat(last.task()).isEqualTo("restore");
      assertThat(last.done()).as("items scanned when the restore is done").isEqualTo(7);

      // Running it again finds everything in place.
      io.udm.api.CollectionRestoreResult again = ops.restoreCollection(io.udm.api.RestoreTarget.collectionVersion(target));
      assertThat(again.restored() + again.deleted()).isZero();
      assertThat(again.unchanged()).isEqualTo(7);
    }

    @Test
    void itemsGoBackToStatesManyVersionsAgoAndItemsCreatedManyVersionsAfterTheTargetBecomeDeleted() {
      // The restore reads an item's eight newest versions first; these targets lie on and past that edge.
      int[] updates = {7, 8, 12};
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < updates.length; i++) {
        ids.add(ops.create(user(i + "@x.io", "original", i)).id());
      }
      long target = ops.getLatest(ids.get(ids.size() - 1)).orElseThrow().cv();
      for (int i = 0; i < updates.length; i++) {
        for (int u = 1; u <= updates[i]; u++) {
          ops.update(ids.get(i), user(i + "@x.io", "v" + u, i));
        }
      }
      String createdAfter = ops.create(user("n@x.io", "v0", 9)).id();
      for (int u = 1; u <= 11; u++) {
        ops.update(createdAfter, user("n@x.io", "v" + u, 9));
      }

      io.udm.api.CollectionRestoreResult r = ops.restoreCollection(io.udm.api.RestoreTarget.collectionVersion(target));

      assertThat(r.restored()).isEqualTo(3);
      assertThat(r.deleted()).isEqualTo(1);
      assertThat(r.unchanged()).isZero();
      for (String id : ids) {
        assertThat(ops.getLatest(id).orElseThrow().data().path("status").asText()).isEqualTo("original");
      }
      assertThat(ops.getLatest(createdAfter)).isEmpty();
      assertThat(ops.history(createdAfter)).hasSize(13).extracting(VersionInfo::op).endsWith(Op.RESTORE);
    }

    @Nested
    class WithPrunedVersions extends WithConfig {
      @Override
      protected UdmConfig tunedConfig() {
        return UdmConfig.builder().from(config())
            .retention(io.udm.api.config.RetentionConfig.builder()
                .ver(io.udm.api.config.VersionRetention.builder().maxPerItem(10).build()).build())
            .build();
      }

      @Test
      void itemsWhoseStateAtTheTargetWasKeptAreRestoredAndOneWhoseStateWasPrunedIsLeftAsItIs() {
        String prunedAway = tunedOps.create(user("p@x.io", "original", 1)).id();
        String keptRecent = tunedOps.create(user("k@x.io", "v0", 2)).id();
        for (int u = 1; u <= 10; u++) {
          tunedOps.update(keptRecent, user("k@x.io", "v" + u, 2));
        }
        String keptFarBack = tunedOps.create(user("f@x.io", "v0", 3)).id();
        long target = 0;
        for (int u = 1; u <= 2; u++) {
          target = tunedOps.update(keptFarBack, user("f@x.io", "v" + u, 3)).cv();
        }
        for (int u = 3; u <= 11; u++) {
          tunedOps.update(keptFarBack, user("f@x.io", "v" + u, 3));
        }
        tunedOps.update(keptRecent, user("k@x.io", "after", 2));
        for (int u = 1; u <= 11; u++) {
          tunedOps.update(prunedAway, user("p@x.io", "v" + u, 1));
        }
        // Each keeps ov 3 to 12. At the target prunedAway was at ov 1 (gone), keptRecent at ov 11 (among
        // its eight newest), keptFarBack at ov 3 (kept, but older than its eight newest).
        assertThat(tuned.maintenance().applyRetention(tctx).versionsPruned()).isEqualTo(6);

        io.udm.api.CollectionRestoreResult r =
            tunedOps.restoreCollection(io.udm.api.RestoreTarget.collectionVersion(target));

        assertThat(r.restored()).isEqualTo(2);
        assertThat(r.unchanged()).isEqualTo(1);
        assertThat(r.deleted()).isZero();
        assertThat(tunedOps.getLatest(keptRecent).orElseThrow().data().path("status").asText()).isEqualTo("v10");
        assertThat(tunedOps.getLatest(keptFarBack).orElseThrow().data().path("status").asText()).isEqualTo("v2");
        assertThat(tunedOps.getLatest(prunedAway).orElseThrow().data().path("status").asText()).isEqualTo("v11");
        assertThat(tunedOps.history(prunedAway)).extracting(VersionInfo::op).doesNotContain(Op.RESTORE);
      }
    }

    @Test
    void aCollectionCanGoBackToAnInstant() {
      String a = ops.create(user("a@x.io", "v1", 1)).id();
      clock.advance(Duration.ofMinutes(1));
      Instant then = clock.peek();
      clock.advance(Duration.ofMinutes(1));
      ops.update(a, user("a@x.io", "v2", 1));
      String b = ops.create(user("b@x.io", "v1", 1)).id();

      io.udm.api.CollectionRestoreResult r = ops.restoreCollection(io.udm.api.RestoreTarget.at(then));
      assertThat(r).isEqualTo(new io.udm.api.CollectionRestoreResult(r.cv(), 1, 0, 1));
      assertThat(ops.getLatest(a).orElseThrow().data().path("status").asText()).isEqualTo("v1");
      assertThat(ops.getLatest(b)).isEmpty();
    }

    @Test
    void aRequestIdMakesTheWholeRestoreIdempotent() {
      String a = ops.create(user("a@x.io", "v1", 1)).id();
      long target = ops.getLatest(a).orElseThrow().cv();
      ops.update(a, user("a@x.io", "v2", 1));
      WriteOptions once = WriteOptions.builder().requestId("nightly-restore-1").build();

      io.udm.api.CollectionRestoreResult first = ops.restoreCollection(io.udm.api.RestoreTarget.collectionVersion(target), once);
      ops.update(a, user("a@x.io", "v3", 1));
      assertThat(ops.restoreCollection(io.udm.api.RestoreTarget.collectionVersion(target), once)).isEqualTo(first);
      assertThat(ops.getLatest(a).orElseThrow().data().path("status").asText()).isEqualTo("v3");
      assertThatThrownBy(() -> ops.restoreCollection(io.udm.api.RestoreTarget.collectionVersion(target + 1), once))
          .isInstanceOf(ValidationException.class).hasMessageContaining("nightly-restore-1");
    }

    @Test
    void objectTargetsAndPerItemOptionsAreRefused() {
      assertThatThrownBy(() -> ops.restoreCollection(io.udm.api.RestoreTarget.version(1))).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> ops.restoreCollection(io.udm.api.RestoreTarget.collectionVersion(1),
          WriteOptions.builder().expectedOv(1).objectId("x").build()))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void aListenerThatStopsTheRestoreLeavesAResumableRun() {
      String a = ops.create(user("a@x.io", "v1", 1)).id();
      long target = ops.getLatest(a).orElseThrow().cv();
      ops.update(a, user("a@x.io", "v2", 1));
      assertThatThrownBy(() -> ops.restoreCollection(io.udm.api.RestoreTarget.collectionVersion(target),
          WriteOptions.none(), p -> {
            throw new IllegalStateException("operator pressed stop");
          })).hasMessageContaining("stop");

      io.udm.api.CollectionRestoreResult resumed = ops.restoreCollection(io.udm.api.RestoreTarget.collectionVersion(target));
      assertThat(resumed.restored()).isEqualTo(1);
      assertThat(ops.history(a)).extracting(VersionInfo::op).containsExactly(Op.CREATE, Op.UPDATE, Op.RESTORE);
    }
  }

  @Nested
  class Retention extends WithConfig {
    @Override
    protected UdmConfig tunedConfig() {
      // Payload objects: what pruning removes from object storage (InlinePayloadSuite covers inline ones).
      return UdmConfig.builder().from(config()).storage(PayloadLayouts.objectPayloads())
          .retention(io.udm.api.config.RetentionConfig.builder().ver(io.udm.api.config.VersionRetention.builder().days(30).maxPerItem(3).build()).build())
          .build();
    }

    @Test
    void versionsBeyondMaxPerItemArePrunedWithTheirPayloadsAndReadsSayNotFound() {
      String id = tunedOps.create(user("a@x.io", "v1", 1)).id();
      for (int i = 2; i <= 5; i++) {
        tunedOps.update(id, user("a@x.io", "v" + i, 1));
      }
      String young = tunedOps.create(user("b@x.io", "v1", 1)).id();

      io.udm.api.RetentionResult r = tuned.maintenance().applyRetention(tctx);
      assertThat(r.versionsPruned()).isEqualTo(2);
      assertThat(r.objectsRemoved()).isEqualTo(2);
      assertThat(tunedOps.history(id)).extracting(VersionInfo::ov).containsExactly(3L, 4L, 5L);
      assertThat(tunedOps.getVersion(id, 1)).isEmpty();
      assertThat(tunedOps.getAsOf(id, tunedOps.history(id).get(0).at().minusMillis(1))).isEmpty();
      assertThat(tunedOps.getVersion(id, 3).orElseThrow().data().path("status").asText()).isEqualTo("v3");
      assertThatThrownBy(() -> tunedOps.restoreObject(id, io.udm.api.RestoreTarget.version(2)))
          .isInstanceOf(NotFoundException.class).hasMessageContaining("pruned");
      assertThat(tunedOps.history(young)).hasSize(1);
      assertThat(tuned.maintenance().applyRetention(tctx)).isEqualTo(new io.udm.api.RetentionResult(0, 0));
    }

    @Test
    void oldVersionsArePrunedButNeverTheNewest() {
      String id = tunedOps.create(user("a@x.io", "v1", 1)).id();
      tunedOps.update(id, user("a@x.io", "v2", 1));
      String deleted = tunedOps.create(user("d@x.io", "v1", 1)).id();
      tunedOps.delete(deleted);
      clock.advance(Duration.ofDays(45));

      io.udm.api.RetentionResult r = tuned.maintenance().applyRetention(tctx);
      assertThat(r.versionsPruned()).isEqualTo(2);
      assertThat(tunedOps.history(id)).extracting(VersionInfo::ov).containsExactly(2L);
      assertThat(tunedOps.getLatest(id).orElseThrow().data().path("status").asText()).isEqualTo("v2");
      assertThat(tunedOps.history(deleted)).extracting(VersionInfo::op).containsExactly(Op.DELETE);
      // The pruned item can still be written and restored to what is kept.
      tunedOps.update(id, user("a@x.io", "v3", 1));
      assertThat(tunedOps.restoreObject(id, io.udm.api.RestoreTarget.version(2)).ov()).isEqualTo(4);
      assertThat(tunedOps.restoreObject(deleted, io.udm.api.RestoreTarget.version(2)).ov()).isEqualTo(3);
    }

    @Test
    void withoutLimitsNothingIsPruned() {
      String id = ops.create(user("a@x.io", "v1", 1)).id();
      ops.update(id, user("a@x.io", "v2", 1));
      clock.advance(Duration.ofDays(4000));
      assertThat(udm.maintenance().applyRetention(ctx)).isEqualTo(new io.udm.api.RetentionResult(0, 0));
      assertThat(ops.history(id)).hasSize(2);
    }
  }

  @Nested
  class HardDelete extends WithConfig {
    @Override
    protected UdmConfig tunedConfig() {
      // Payload objects: what a hard delete removes from object storage (InlinePayloadSuite covers inline ones).
      return UdmConfig.builder().from(config()).storage(PayloadLayouts.objectPayloads()).hardDeleteEnabled(true).build();
    }

    @Test
    void anItemIsRemovedWithEveryVersionAndOthersAreUntouched() {
      String id = tunedOps.create(user("a@x.io", "v1", 1)).id();
      tunedOps.update(id, user("a@x.io", "v2", 1));
      tunedOps.delete(id);
      String other = tunedOps.create(user("b@x.io", "v1", 1)).id();
      tunedOps.update(other, user("b@x.io", "v2", 1));

      io.udm.api.HardDeleteResult r = tuned.maintenance().hardDelete(tctx, id, io.udm.api.HardDeleteOptions.confirmed());
      assertThat(r.versionsRemoved()).isEqualTo(3);
      assertThat(r.objectsRemoved()).isEqualTo(3);
      ReadOptions all = ReadOptions.builder().includeDeleted(true).build();
      assertThat(tunedOps.getLatest(id, all)).isEmpty();
      assertThat(tunedOps.getVersion(id, 1, all)).isEmpty();
      assertThat(tunedOps.history(id)).isEmpty();
      assertThat(tunedOps.listByMeta(MetaQuery.all(), ListOptions.builder().includeDeleted(true).build()).items())
          .extracting(ItemView::id).containsExactly(other);
      assertThatThrownBy(() -> tunedOps.restoreObject(id, io.udm.api.RestoreTarget.version(1))).isInstanceOf(NotFoundException.class);
      assertThat(tunedOps.history(other)).hasSize(2);
      assertThat(tunedOps.getVersion(other, 1).orElseThrow().data().path("status").asText()).isEqualTo("v1");
      assertThatThrownBy(() -> tuned.maintenance().hardDelete(tctx, id, io.udm.api.HardDeleteOptions.confirmed()))
          .isInstanceOf(NotFoundException.class);
      // The id is free again.
      assertThat(tunedOps.create(user("a@x.io", "again", 1), WriteOptions.builder().objectId(id).build()).ov()).isEqualTo(1);
    }

    @Test
    void itNeedsConfirmationAndTheSetting() {
      String id = tunedOps.create(user("a@x.io", "v1", 1)).id();
      assertThatThrownBy(() -> tuned.maintenance().hardDelete(tctx, id, io.udm.api.HardDeleteOptions.builder().build()))
          .isInstanceOf(ValidationException.class).hasMessageContaining("confirm");
      String kept = ops.create(user("a@x.io", "v1", 1)).id();
      assertThatThrownBy(() -> udm.maintenance().hardDelete(ctx, kept, io.udm.api.HardDeleteOptions.confirmed()))
          .isInstanceOf(ValidationException.class).hasMessageContaining("hardDeleteEnabled");
      assertThat(tunedOps.history(id)).hasSize(1);
      assertThat(ops.history(kept)).hasSize(1);
    }
  }

  @Nested
  class DevShadows extends WithConfig {
    @Override
    protected UdmConfig tunedConfig() {
      // A shadow goes with its write's counter changes: sent with each write, the test sees it at once.
      return UdmConfig.builder().from(config())
          .devShadow(io.udm.api.config.DevShadowConfig.builder().enabled(true).ttlHours(24).build())
          .writeOptimization(io.udm.api.config.WriteOptimizationConfig.builder().debounceCountersMs(0).build())
          .build();
    }

    @Test
    void dryRunReportsExactlyWhatTheConfirmedRunThenFrees() {
      String a = tunedOps.create(user("a@x.io", "v1", 1)).id();
      String b = tunedOps.create(user("b@x.io", "v1", 2)).id();
      tunedOps.update(b, user("b@x.io", "v2", 2));
      tunedOps.delete(a);
      clock.advance(Duration.ofHours(25));
      tunedOps.create(user("c@x.io", "fresh", 3));

      io.udm.api.ShrinkResult dry = tuned.maintenance().shrinkDevShadows(tctx, io.udm.api.ShrinkOptions.dryRun());
      assertThat(dry.scanned()).isEqualTo(3);
      assertThat(dry.shadowsShrunk()).isEqualTo(2);
      assertThat(dry.bytesFreed()).isPositive();
      assertThat(tuned.maintenance().shrinkDevShadows(tctx, io.udm.api.ShrinkOptions.dryRun())).isEqualTo(dry);

      assertThat(tuned.maintenance().shrinkDevShadows(tctx, io.udm.api.ShrinkOptions.confirmed())).isEqualTo(dry);
      assertThat(tuned.maintenance().shrinkDevShadows(tctx, io.udm.api.ShrinkOptions.confirmed()))
          .isEqualTo(new io.udm.api.ShrinkResult(3, 0, 0));
      // Shrinking touches shadows only.
      assertThat(tunedOps.getLatest(b).orElseThrow().data().path("status").asText()).isEqualTo("v2");
      assertThat(tunedOps.getLatest(b).orElseThrow().ov()).isEqualTo(2);
      assertThat(tunedOps.getLatest(a, ReadOptions.builder().includeDeleted(true).build()).orElseThrow().deleted()).isTrue();

      clock.advance(Duration.ofHours(25));
      io.udm.api.ShrinkResult later = tuned.maintenance().shrinkDevShadows(tctx, io.udm.api.ShrinkOptions.dryRun());
      assertThat(later.shadowsShrunk()).isEqualTo(1);
      assertThat(tuned.maintenance().shrinkDevShadows(tctx, io.udm.api.ShrinkOptions.confirmed())).isEqualTo(later);
    }

    @Test
    void aRandomMixOfWritesAndClockStepsShrinksWhatTheDryRunReported() {
      long seed = Seeds.seed(wiring() + " DevShadows.aRandomMixOfWritesAndClockSteps");
      java.util.Random random = new java.util.Random(seed);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        if (ids.isEmpty() || random.nextBoolean()) {
          ids.add(tunedOps.create(user("u" + i + "@x.io", "s".repeat(random.nextInt(200)), i)).id());
        } else {
          String id = ids.get(random.nextInt(ids.size()));
          tunedOps.update(id, user(id + "@x.io", "s".repeat(random.nextInt(200)), i));
        }
        clock.advance(Duration.ofHours(random.nextInt(8)));
      }
      io.udm.api.ShrinkResult dry = tuned.maintenance().shrinkDevShadows(tctx, io.udm.api.ShrinkOptions.dryRun());
      io.udm.api.ShrinkResult done = tuned.maintenance().shrinkDevShadows(tctx, io.udm.api.ShrinkOptions.confirmed());

      assertThat(done).as("seed " + seed).isEqualTo(dry);
      assertThat(dry.scanned()).as("seed " + seed).isEqualTo(ids.size());
      assertThat(tuned.maintenance().shrinkDevShadows(tctx, io.udm.api.ShrinkOptions.dryRun()))
          .as("seed " + seed).isEqualTo(new io.udm.api.ShrinkResult(ids.size(), 0, 0));
    }

    @Test
    void anUnconfirmedShrinkIsRefusedAndWithoutShadowsThereIsNothingToFree() {
      tunedOps.create(user("a@x.io", "v1", 1));
      clock.advance(Duration.ofHours(25));
      assertThatThrownBy(() -> tuned.maintenance().shrinkDevShadows(tctx, io.udm.api.ShrinkOptions.builder().build()))
          .isInstanceOf(ValidationException.class).hasMessageContaining("confirm");
      assertThat(tuned.maintenance().shrinkDevShadows(tctx, io.udm.api.ShrinkOptions.dryRun()))
          .isEqualTo(new io.udm.api.ShrinkResult(1, 1, tuned.maintenance()
              .shrinkDevShadows(tctx, io.udm.api.ShrinkOptions.dryRun()).bytesFreed()));

      ops.create(user("b@x.io", "v1", 1));
      clock.advance(Duration.ofHours(25));
      assertThat(udm.maintenance().shrinkDevShadows(ctx, io.udm.api.ShrinkOptions.confirmed()))
          .isEqualTo(new io.udm.api.ShrinkResult(1, 0, 0));
    }
  }

  // ------------------------------------------------------------------ counters

  /** Operations in the randomized counters test; a wiring may run fewer by default (see its class). */
  protected int randomizedCounterOps() {
    return Integer.getInteger("udm.counters.ops", 10_000);
  }

  @Nested
  class Counters extends WithConfig {
    private static final String ORDERS = "orders";
    private static final List<Op> ALL_OPS = List.of(Op.values());

    @Override
    protected UdmConfig tunedConfig() {
      return UdmConfig.builder().from(config())
          .putCollectionMaps(ORDERS, CollectionMap.builder().addIndexedProps("status", "age").build())
          .hardDeleteEnabled(true)
          .counterRules(io.udm.api.config.CounterRulesConfig.builder()
              .addRules(rule("active", Map.of("status", "active"), ALL_OPS, io.udm.api.config.RuleScope.META))
              .addRules(io.udm.api.config.CounterRule.builder().name("adults")
                  .when(JsonValues.fromMap(Map.of("age", Map.of("$gte", 18)))).on(ALL_OPS).addCollections(USERS).build())
              .addRules(rule("gold", Map.of("tier", "gold"), ALL_OPS, io.udm.api.config.RuleScope.PAYLOAD))
              .addRules(rule("createdActive", Map.of("status", "active"), List.of(Op.CREATE), io.udm.api.config.RuleScope.META))
              .build())
          .build();
    }

    private io.udm.api.config.CounterRule rule(String name, Map<String, ?> when, List<Op> on, io.udm.api.config.RuleScope scope) {
      return io.udm.api.config.CounterRule.builder().name(name).when(JsonValues.fromMap(when)).on(on).scope(scope).build();
    }

    private io.udm.api.Totals totals(String db, String collection) {
      return tuned.counters().getTotals(io.udm.api.CounterQuery.of(tctx.tenantId(), db, collection));
    }

    private Map<String, Long> nonZero(Map<String, Long> rules) {
      Map<String, Long> m = new java.util.TreeMap<>();
      rules.forEach((k, v) -> {
        if (v != 0) {
          m.put(k, v);
        }
      });
      return m;
    }

    @Test
    void eachOperationMovesItsTotalLiveAndTheGaugesItIsListedFor() {
      String id = tunedOps.create(user("a@x.io", "active", 30)).id();
      Map<String, Object> gold = user("a@x.io", "inactive", 30);
      gold.put("tier", "gold");
      tunedOps.update(id, gold);
      io.udm.api.Totals t = totals("tuned", USERS);
      assertThat(List.of(t.creates(), t.updates(), t.deletes(), t.live())).containsExactly(1L, 1L, 0L, 1L);
      assertThat(nonZero(t.rules())).isEqualTo(Map.of("adults", 1L, "gold", 1L, "createdActive", 1L));

      tunedOps.enrich(id, Map.of("status", "active"), io.udm.api.EnrichOptions.builder().functionId("f@1").build());
      tunedOps.delete(id);
      t = totals("tuned", USERS);
      assertThat(List.of(t.enrichments(), t.deletes(), t.live())).containsExactly(1L, 1L, 0L);
      // A deleted item matches nothing; createdActive only moves on CREATE.
      assertThat(nonZero(t.rules())).isEqualTo(Map.of("createdActive", 1L));

      tunedOps.restoreObject(id, io.udm.api.RestoreTarget.version(3));
      t = totals("tuned", USERS);
      assertThat(List.of(t.restores(), t.live())).containsExactly(1L, 1L);
      assertThat(nonZero(t.rules())).isEqualTo(Map.of("active", 1L, "adults", 1L, "gold", 1L, "createdActive", 1L));

      tuned.maintenance().hardDelete(tctx, id, io.udm.api.HardDeleteOptions.confirmed());
      t = totals("tuned", USERS);
      assertThat(t.live()).isZero();
      // Its rule matches leave with it, whatever operations the rule lists.
      assertThat(nonZero(t.rules())).isEmpty();
    }

    @Test
    void totalsSumOverACollectionADatabaseOrATenantAndResetZeroes() {
      tunedOps.create(user("a@x.io", "active", 30));
      tuned.with(RouteContext.of(tctx.tenantId(), "tuned", ORDERS)).create(Map.of("status", "active", "age", 3));
      tuned.with(RouteContext.of(tctx.tenantId(), "side", USERS)).create(user("b@x.io", "active", 10));
      assertThat(totals("tuned", USERS).creates()).isEqualTo(1);
      assertThat(totals("tuned", null).creates()).isEqualTo(2);
      assertThat(totals(null, null).creates()).isEqualTo(3);
      assertThat(totals(null, null).rules().get("active")).isEqualTo(3);
      // adults counts in users only; orders' age 3 and side's age 10 are not adults anyway.
      assertThat(totals(null, null).rules().get("adults")).isEqualTo(1);
      assertThat(tuned.counters().getTotals(io.udm.api.CounterQuery.of("tnobody", null, null))).isEqualTo(io.udm.api.Totals.zero());

      tuned.counters().resetTotals(io.udm.api.CounterQuery.of(tctx.tenantId(), "tuned", null));
      assertThat(totals("tuned", null).creates()).isZero();
      assertThat(totals("tuned", null).live()).isZero();
      assertThat(totals("side", USERS).creates()).isEqualTo(1);
    }

    @Test
    void recountRebuildsLiveAndGaugesFromTheHeadsAndKeepsOperationTotals() {
      String a = tunedOps.create(user("a@x.io", "active", 30)).id();
      tunedOps.create(user("b@x.io", "active", 10));
      tunedOps.delete(a);
      tuned.counters().resetTotals(io.udm.api.CounterQuery.of(tctx.tenantId(), "tuned", USERS));
      tunedOps.update(tunedOps.create(user("c@x.io", "inactive", 40)).id(), user("c@x.io", "active", 40));

      io.udm.api.RecountResult r = tuned.maintenance().recountTotals(tctx);
      assertThat(r.itemsScanned()).isEqualTo(3);
      assertThat(List.of(r.totals().creates(), r.totals().updates(), r.totals().live())).containsExactly(1L, 1L, 2L);
      // Recounted as if every rule listed every operation: createdActive becomes "active now".
      assertThat(nonZero(r.totals().rules())).isEqualTo(Map.of("active", 2L, "adults", 1L, "createdActive", 2L));
      assertThat(totals("tuned", USERS)).isEqualTo(r.totals());
    }

    /** An item version as the test's own operations made it: the document, and whether it is deleted. */
    private record Modelled(Map<String, Object> data, boolean deleted) {}

    @Test
    void aRandomizedSequenceEndsWithTotalsAndGaugesThatTheTestsOwnModelPredicts() {
      long seed = Seeds.seed(wiring() + " Counters.aRandomizedSequence", "udm.counters.seed");
      int steps = randomizedCounterOps();
      System.out.println("counters randomized test: ops=" + steps);
      java.util.Random random = new java.util.Random(seed);
      List<RouteContext> collections = List.of(tctx, RouteContext.of(tctx.tenantId(), "tuned", ORDERS));
      int items = 200;
      // Per item: each ov's state (index ov - 1), kept by the test as its operations change it;
      // absent = no item. The expected live count and gauges come from this, never from UDM's reads.
      Map<Integer, List<Modelled>> states = new java.util.HashMap<>();
      Map<RouteContext, long[]> expectedOps = new java.util.HashMap<>();
      collections.forEach(c -> expectedOps.put(c, new long[5]));
      String[] statuses = {"active", "inactive", "banned"};
      String[] tiers = {"gold", "silver"};
      io.udm.api.EnrichOptions enrich = io.udm.api.EnrichOptions.builder().functionId("rnd@1").build();
      long hardDeletes = 0;
      for (int step = 0; step < steps; step++) {
        int n = random.nextInt(items);
        RouteContext c = collections.get(n % 4 == 0 ? 1 : 0);
        ItemOps o = tuned.with(c);
        String id = "i" + n;
        long[] counts = expectedOps.get(c);
        List<Modelled> history = states.get(n);
        Map<String, Object> data = user("u" + n + "@x.io", statuses[random.nextInt(3)], random.nextInt(40));
        if (random.nextBoolean()) {
          data.put("tier", tiers[random.nextInt(2)]);
        }
        if (history == null) {
          o.create(data, WriteOptions.builder().objectId(id).build());
          states.put(n, new ArrayList<>(List.of(new Modelled(data, false))));
          counts[0]++;
          continue;
        }
        Modelled current = history.get(history.size() - 1);
        int pick = random.nextInt(100);
        if (pick < 1) {
          tuned.maintenance().hardDelete(c, id, io.udm.api.HardDeleteOptions.confirmed());
          states.remove(n);
          hardDeletes++;
        } else if (pick < 30 && history.size() > 1 || current.deleted()) {
          if (history.size() == 1) {
            continue;
          }
          int target = 1 + random.nextInt(history.size() - 1);
          io.udm.api.RestoreResult r = o.restoreObject(id, io.udm.api.RestoreTarget.version(target));
          // A restore always appends a version with the target's document and deleted flag.
          assertThat(r.ov()).as("restore of %s to ov %d (seed %d)", id, target, seed).isEqualTo(history.size() + 1L);
          history.add(history.get(target - 1));
          counts[4]++;
        } else if (pick < 55) {
          o.update(id, data);
          history.add(new Modelled(data, false));
          counts[1]++;
        } else if (pick < 80) {
          Map<String, Object> patch = new LinkedHashMap<>();
          patch.put(random.nextBoolean() ? "status" : "age", random.nextBoolean() ? "active" : 20 + random.nextInt(5));
          patch.put("tier", random.nextInt(3) == 0 ? null : tiers[random.nextInt(2)]);
          o.enrich(id, patch, enrich);
          // The patch is flat: its scalars win, its null removes the key.
          Map<String, Object> merged = new LinkedHashMap<>(current.data());
          patch.forEach((k, v) -> {
            if (v == null) {
              merged.remove(k);
            } else {
              merged.put(k, v);
            }
          });
          history.add(new Modelled(merged, false));
          counts[3]++;
        } else {
          o.delete(id);
          history.add(new Modelled(current.data(), true));
          counts[2]++;
        }
      }

      io.udm.api.Totals sum = io.udm.api.Totals.zero();
      for (RouteContext c : collections) {
        Map<Integer, Modelled> latest = new java.util.HashMap<>();
        states.forEach((n, h) -> {
          if (collections.get(n % 4 == 0 ? 1 : 0).equals(c)) {
            latest.put(n, h.get(h.size() - 1));
          }
        });
        io.udm.api.Totals expected = modelled(c, expectedOps.get(c), latest.values());
        io.udm.api.Totals actual = totals("tuned", c.collection());
        System.out.println("counters randomized test: " + c.collection() + " expected " + expected + " actual " + actual);
        assertThat(actual.creates()).isEqualTo(expected.creates());
        assertThat(List.of(actual.updates(), actual.deletes(), actual.enrichments(), actual.restores(), actual.live()))
            .as("seed %d", seed)
            .isEqualTo(List.of(expected.updates(), expected.deletes(), expected.enrichments(), expected.restores(), expected.live()));
        Map<String, Long> actualGauges = nonZero(actual.rules());
        actualGauges.remove("createdActive");
        assertThat(actualGauges).as("seed %d", seed).isEqualTo(nonZero(expected.rules()));
        sum = sum.plus(actual);
        // A recount from the heads changes nothing.
        io.udm.api.RecountResult recount = tuned.maintenance().recountTotals(c);
        io.udm.api.Totals after = recount.totals();
        assertThat(after.live()).isEqualTo(expected.live());
        Map<String, Long> afterGauges = nonZero(after.rules());
        afterGauges.remove("createdActive");
        assertThat(afterGauges).isEqualTo(nonZero(expected.rules()));
      }
      System.out.println("counters randomized test: hard deletes " + hardDeletes);
      assertThat(totals("tuned", null).live()).isEqualTo(sum.live());
    }

    /**
     * Totals as the model's latest states say (live, gauges), with the operation counts the model
     * kept. The rules of {@link #tunedConfig()}, evaluated here in plain Java: a deleted item matches
     * nothing; createdActive moves on CREATE only, so it is left out of the comparison.
     */
    private io.udm.api.Totals modelled(RouteContext c, long[] ops, java.util.Collection<Modelled> latest) {
      long live = 0;
      Map<String, Long> gauges = new java.util.TreeMap<>();
      for (Modelled item : latest) {
        if (item.deleted()) {
          continue;
        }
        live++;
        if ("active".equals(item.data().get("status"))) {
          gauges.merge("active", 1L, Long::sum);
        }
        if (c.collection().equals(USERS) && item.data().get("age") instanceof Number age && age.doubleValue() >= 18) {
          gauges.merge("adults", 1L, Long::sum);
        }
        if ("gold".equals(item.data().get("tier"))) {
          gauges.merge("gold", 1L, Long::sum);
        }
      }
      return new io.udm.api.Totals(ops[0], ops[1], ops[2], ops[3], ops[4], live, gauges);
    }
  }

  // ------------------------------------------------------------------ content (base64 externalization)

  @Nested
  class Content extends WithConfig {
    private static final int MIB = 1024 * 1024;

    @Override
    protected UdmConfig tunedConfig() {
      return UdmConfig.builder().from(config())
          .putCollectionMaps(USERS, CollectionMap.builder().from(config().collectionMap(USERS))
              .putBase64Props("avatar", io.udm.api.config.Base64Prop.builder().contentType("image/jpeg").build())
              .putBase64Props("doc.notes", io.udm.api.config.Base64Prop.builder()
                  .contentType("text/plain").preferredText(true).build())
              .build())
          .hardDeleteEnabled(true)
          // Shadows hold the stored document, '$content' references included: MongoDB must take them.
          .devShadow(io.udm.api.config.DevShadowConfig.builder().enabled(true).build())
          .build();
    }

    private byte[] randomBytes(long seed, int size) {
      System.out.println("content bytes seed " + seed);
      byte[] bytes = new byte[size];
      new java.util.Random(seed).nextBytes(bytes);
      return bytes;
    }

    private ReadOptions inline() {
      return ReadOptions.builder().inlineContent(true).build();
    }

    @Test
    void aOneMebibyteAvatarWrittenInFiveVersionsIsStoredOnceAndReadBackByteForByte() throws Exception {
      byte[] avatar = randomBytes(20261126L, MIB);
      String base64 = java.util.Base64.getEncoder().encodeToString(avatar);
      String id = tunedOps.create(withAvatar("v1", avatar)).id();
      for (int v = 2; v <= 5; v++) {
        tunedOps.update(id, withAvatar("v" + v, avatar));
      }

      String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(avatar));
      Set<String> keys = new HashSet<>();
      for (int ov = 1; ov <= 5; ov++) {
        ItemView view = tunedOps.getVersion(id, ov, ReadOptions.defaults()).orElseThrow();
        io.udm.api.ContentRef ref = view.content().get("avatar");
        assertThat(ref.sha256()).isEqualTo(sha);
        assertThat(ref.size()).isEqualTo(MIB);
        assertThat(ref.contentType()).isEqualTo("image/jpeg");
        assertThat(ref.url()).isEmpty();
        assertThat(view.data().get("avatar")).isEqualTo(JsonValues.parseObject("{\"$content\": {\"key\": \""
            + ref.key() + "\", \"contentType\": \"image/jpeg\", \"size\": " + MIB + ", \"sha256\": \"" + sha + "\"}}"));
        keys.add(ref.key());
      }
      assertThat(keys).hasSize(1);
      assertThat(keys.iterator().next()).endsWith("/" + id + "/c/" + sha);

      ItemView inlined = tunedOps.getLatest(id, inline()).orElseThrow();
      assertThat(inlined.data().get("avatar").textValue()).isEqualTo(base64);
      assertThat(inlined.data().path("status").asText()).isEqualTo("v5");

      ItemView signed = tunedOps.getLatest(id, ReadOptions.builder().presignTtl(Duration.ofMinutes(5)).build()).orElseThrow();
      assertThat(fetchPresigned(signed.content().get("avatar").url().orElseThrow())).isEqualTo(avatar);

      // One content object: the avatar was stored once. Each version's payload, the document with its
      // small $content reference, is kept inside its record (storage.inlineMaxBytes), so no payload object.
      assertThat(tuned.maintenance().hardDelete(tctx, id, io.udm.api.HardDeleteOptions.confirmed()).objectsRemoved())
          .isEqualTo(1);
    }

    @Test
    void eachVersionKeepsItsOwnContent() {
      byte[] first = randomBytes(1, 300);
      byte[] second = randomBytes(2, 500);
      String id = tunedOps.create(withAvatar("v1", first)).id();
      tunedOps.update(id, withAvatar("v2", second));
      Map<String, Object> without = user("a@x.io", "v3", 1);
      tunedOps.update(id, without);

      assertThat(tunedOps.getVersion(id, 1, inline()).orElseThrow().data().get("avatar").textValue())
          .isEqualTo(java.util.Base64.getEncoder().encodeToString(first));
      assertThat(tunedOps.getVersion(id, 2, inline()).orElseThrow().data().get("avatar").textValue())
          .isEqualTo(java.util.Base64.getEncoder().encodeToString(second));
      ItemView latest = tunedOps.getLatest(id, inline()).orElseThrow();
      assertThat(latest.content()).isEmpty();
      assertThat(latest.data().has("avatar")).isFalse();
    }

    @Test
    void anItemReadByDefaultAndWrittenBackKeepsItsContent() {
      byte[] avatar = randomBytes(3, 2048);
      String id = tunedOps.create(withAvatar("v1", avatar)).id();
      ObjectNode data = tunedOps.getLatest(id).orElseThrow().data();
      data.put("status", "edited");

      tunedOps.update(id, data);

      ItemView after = tunedOps.getLatest(id, inline()).orElseThrow();
      assertThat(after.ov()).isEqualTo(2);
      assertThat(after.data().path("status").asText()).isEqualTo("edited");
      assertThat(java.util.Base64.getDecoder().decode(after.data().get("avatar").textValue())).isEqualTo(avatar);
      assertThat(after.content().get("avatar").key())
          .isEqualTo(tunedOps.getVersion(id, 1).orElseThrow().content().get("avatar").key());
    }

    @Test
    void aReferenceToAnotherItemsContentIsRefusedAndNothingIsWritten() {
      String mine = tunedOps.create(withAvatar("mine", randomBytes(4, 64))).id();
      String theirs = tunedOps.create(withAvatar("theirs", randomBytes(5, 64))).id();
      ObjectNode data = tunedOps.getLatest(mine).orElseThrow().data();
      data.set("avatar", tunedOps.getLatest(theirs).orElseThrow().data().get("avatar"));

      assertThatThrownBy(() -> tunedOps.update(mine, data))
          .isInstanceOf(io.udm.api.error.ExternalizationException.class)
          .hasMessageContaining("avatar").hasMessageContaining("send the base64 value");
      assertThat(tunedOps.history(mine)).hasSize(1);
    }

    @Test
    void invalidBase64OrAWrongTypeIsRefusedAndNothingIsWritten() {
      List<Object> bad = List.of("not base64!", "AQ", 42, List.of("AQ=="), Map.of("bytes", "AQ=="), true);
      for (Object value : bad) {
        Map<String, Object> doc = user("a@x.io", "v1", 1);
        doc.put("avatar", value);
        String id = "bad-" + Math.abs(value.hashCode());
        assertThatThrownBy(() -> tunedOps.create(doc, WriteOptions.builder().objectId(id).build()))
            .as(String.valueOf(value))
            .isInstanceOf(io.udm.api.error.ExternalizationException.class)
            .hasMessageContaining("'avatar'");
        assertThat(tunedOps.getLatest(id, ReadOptions.builder().includeDeleted(true).build())).isEmpty();
        assertThat(tunedOps.history(id)).isEmpty();
      }
      assertThatThrownBy(() -> {
        Map<String, Object> doc = user("a@x.io", "v1", 1);
        doc.put("avatar", "AQ");
        tunedOps.create(doc);
      }).hasMessageContaining("canonical");
      assertThat(tunedOps.listByMeta(MetaQuery.all(), ListOptions.builder().includeDeleted(true).build()).items()).isEmpty();
    }

    @Test
    void aPreferredTextPropertyComesBackAsText() {
      String text = "h\u00e9llo w\u00f6rld \u2713";
      Map<String, Object> doc = user("a@x.io", "v1", 1);
      doc.put("doc", Map.of("notes", java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
      String id = tunedOps.create(doc).id();

      assertThat(tunedOps.getLatest(id, inline()).orElseThrow().data().at("/doc/notes").textValue()).isEqualTo(text);
      assertThat(tunedOps.getLatest(id).orElseThrow().content().get("doc.notes").contentType()).isEqualTo("text/plain");

      Map<String, Object> notText = user("a@x.io", "v1", 1);
      notText.put("doc", Map.of("notes", java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe})));
      assertThatThrownBy(() -> tunedOps.create(notText))
          .isInstanceOf(io.udm.api.error.ExternalizationException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void restoreAndDeleteCarryTheContentOfTheirState() {
      byte[] first = randomBytes(6, 700);
      String id = tunedOps.create(withAvatar("v1", first)).id();
      tunedOps.update(id, withAvatar("v2", randomBytes(7, 900)));
      tunedOps.delete(id);
      ItemView deleted = tunedOps.getLatest(id, ReadOptions.builder().includeDeleted(true).inlineContent(true).build())
          .orElseThrow();
      assertThat(deleted.content()).containsKey("avatar");

      tunedOps.restoreObject(id, io.udm.api.RestoreTarget.version(1));

      ItemView restored = tunedOps.getLatest(id, inline()).orElseThrow();
      assertThat(restored.ov()).isEqualTo(4);
      assertThat(java.util.Base64.getDecoder().decode(restored.data().get("avatar").textValue())).isEqualTo(first);
    }

    @Test
    void enrichmentMayReplaceContent() {
      String id = tunedOps.create(withAvatar("v1", randomBytes(8, 100))).id();
      byte[] replaced = randomBytes(9, 120);

      tunedOps.enrich(id, JsonValues.fromMap(Map.of("avatar", java.util.Base64.getEncoder().encodeToString(replaced))),
          io.udm.api.EnrichOptions.builder().functionId("thumbs@v1").build());

      assertThat(java.util.Base64.getDecoder().decode(
          tunedOps.getLatest(id, inline()).orElseThrow().data().get("avatar").textValue())).isEqualTo(replaced);
    }
  }

  // ------------------------------------------------------------------ garbage collection and verify

  @Nested
  class GarbageCollectionAndVerify extends WithConfig {
    private final Duration grace = Duration.ofDays(1);
    /**
     * Garbage collection ages a blob by its store's stamp against UDM's clock, and every wiring of
     * this suite stamps blobs with real time (S3Proxy; the in-memory stores of Udms.inMemory and of
     * the hand-wired memory ports): this group's clock starts at real time, so moving it ages them.
     */
    private final MutableClock realClock = MutableClock.atRealTime();

    @Override
    protected MutableClock tunedClock() {
      return realClock;
    }

    @Override
    protected UdmConfig tunedConfig() {
      // Payload objects: what garbage collection and verify find in object storage.
      return UdmConfig.builder().from(config()).storage(PayloadLayouts.objectPayloads())
          .putCollectionMaps(USERS, CollectionMap.builder().from(config().collectionMap(USERS))
              .putBase64Props("avatar", io.udm.api.config.Base64Prop.builder().contentType("image/png").build())
              .build())
          .build();
    }

    private byte[] avatar(int n) {
      return ("avatar " + n).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void contentAStalledWriteLeftBehindIsCollectedOnceOlderThanTheGraceAndNotBefore() {
      String id = tunedOps.create(withAvatar("v1", avatar(1))).id();
      // The writer stalls between its uploads and its commit for longer than half of
      // limits.gcMinGraceSeconds (an hour by default): every clock reading now moves 31 minutes.
      // The commit is refused, after the new avatar was uploaded: content no version references.
      realClock.tickEachReading(Duration.ofMinutes(31));
      assertThatThrownBy(() -> tunedOps.update(id, withAvatar("v2", avatar(2))))
          .isInstanceOf(io.udm.api.error.TxnException.class);
      realClock.tickEachReading(Duration.ofMillis(1));
      assertThat(tunedOps.history(id)).hasSize(1);

      assertThatThrownBy(() -> tuned.maintenance().collectGarbage(tctx, Duration.ofMinutes(59)))
          .as("a grace below the configured floor").isInstanceOf(ValidationException.class);
      // Younger than a day (a few stalled readings old): kept.
      assertThat(tuned.maintenance().collectGarbage(tctx, grace)).isEqualTo(new io.udm.api.GcResult(0, 0));
      realClock.advance(grace);
      assertThat(tuned.maintenance().collectGarbage(tctx, grace)).isEqualTo(new io.udm.api.GcResult(0, 1));
      assertThat(tuned.maintenance().collectGarbage(tctx, grace)).isEqualTo(new io.udm.api.GcResult(0, 0));

      // What the committed version references is still there.
      ItemView kept = tunedOps.getLatest(id, ReadOptions.builder().inlineContent(true).build()).orElseThrow();
      assertThat(java.util.Base64.getDecoder().decode(kept.data().get("avatar").textValue())).isEqualTo(avatar(1));
      assertThat(tuned.maintenance().verify(tctx).problems()).isEmpty();
    }

    @Test
    void verifyOnAHealthyCollectionReportsNoProblemsAndCountsItsItems() {
      String a = tunedOps.create(withAvatar("v1", avatar(1))).id();
      tunedOps.update(a, withAvatar("v2", avatar(2)));
      String b = tunedOps.create(user("b@x.io", "active", 2)).id();
      tunedOps.delete(b);
      tunedOps.restoreObject(b, io.udm.api.RestoreTarget.version(1));
      tunedOps.enrich(tunedOps.create(user("c@x.io", "active", 3)).id(), Map.of("score", 1),
          io.udm.api.EnrichOptions.builder().functionId("scorer@v1").build());
      // Another collection's items are not this collection's.
      tuned.with(RouteContext.of(tctx.tenantId(), "elsewhere", USERS)).create(user("d@x.io", "active", 4));

      io.udm.api.VerifyReport report = tuned.maintenance().verify(tctx);

      assertThat(report.problems()).isEmpty();
      assertThat(report.itemsChecked()).isEqualTo(3);
    }

    @Test
    void verifyReportsAPayloadDeletedBehindUdmsBack() {
      String id = tunedOps.create(user("a@x.io", "v1", 1)).id();
      tunedOps.update(id, user("a@x.io", "v2", 1));
      String untouched = tunedOps.create(user("b@x.io", "v1", 1)).id();
      java.util.Optional<io.udm.spi.BlobStore> store = objectStoreBehindUdmsBack(tuned, tctx);
      org.junit.jupiter.api.Assumptions.assumeTrue(store.isPresent(),
          wiring() + " keeps its object store out of reach (Udms.inMemory); InMemoryUdmServiceTest runs this check on"
              + " the same adapters");
      String prefix = io.udm.domain.keys.StorageKeys.itemPrefix(io.udm.spi.ItemKey.of(tctx, id));
      List<String> payloads = store.get().list(io.udm.spi.BlobArea.JSON, prefix, java.util.Optional.empty(), 10)
          .stream().map(io.udm.spi.BlobInfo::key).toList();
      assertThat(payloads).hasSize(2);
      String first = payloads.stream().filter(k -> k.startsWith(prefix + "1-")).findFirst().orElseThrow();

      store.get().delete(io.udm.spi.BlobArea.JSON, first);

      io.udm.api.VerifyReport report = tuned.maintenance().verify(tctx);
      assertThat(report.itemsChecked()).isEqualTo(2);
      assertThat(report.problems()).singleElement().satisfies(p -> {
        assertThat(p.kind()).isEqualTo(io.udm.api.VerifyProblem.Kind.MISSING_PAYLOAD);
        assertThat(p.itemId()).isEqualTo(id);
        assertThat(p.detail()).contains(first);
      });
      assertThat(tunedOps.history(untouched)).hasSize(1);
    }
  }
}
