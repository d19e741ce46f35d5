package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.EnrichOptions;
import io.udm.api.ItemOps;
import io.udm.api.ReadOptions;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.Base64Prop;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A collection's JSON Schema is checked on every write that makes a version (create, update, the
 * merged result of enrich, restore) before anything is written; refused writes leave no version, no
 * object and no head change. Each wiring runs it on its own stores.
 */
public abstract class CollectionSchemaSuite {
  private static final String SCHEMA = """
      {"type": "object", "required": ["email"],
       "properties": {
         "email": {"type": "string", "pattern": "^[^@]+@[^@]+$"},
         "age": {"type": "integer", "minimum": 0},
         "score": {"type": "number", "maximum": 10},
         "tags": {"type": "array", "items": {"type": "string", "maxLength": 8}},
         "avatar": {"type": "string", "maxLength": 64}}}""";

  private final CountingPorts spy = new CountingPorts();
  private final MutableClock clock;
  private final StoragePorts ports;
  private final RouteContext users = RouteContext.of(TestStores.tenant("acme"), "crm", "users");
  private final Udm udm;
  private final ItemOps ops;

  protected CollectionSchemaSuite(TestStores stores) {
    clock = stores.clock("2026-01-01T00:00:00Z");
    ports = spy.wrap(stores.ports(clock));
    udm = open(true);
    ops = udm.with(users);
  }

  private Udm open(boolean withSchema) {
    var map = CollectionMap.builder()
        .putBase64Props("avatar", Base64Prop.builder().contentType("image/png").build());
    if (withSchema) {
      map.schema(JsonValues.parseObject(SCHEMA));
    }
    return TestUdms.open(UdmConfig.builder().putCollectionMaps("users", map.build()).build(), ports, clock,
        MemoryPorts.sequentialIds());
  }

  @AfterEach
  void close() {
    udm.close();
  }

  @Test
  void aCreateThatBreaksTheSchemaIsRefusedWithEveryViolationByPointerAndNothingIsSent() {
    spy.reset();
    ValidationException refused = catchValidation(() -> ops.create(Map.of("email", "nobody", "age", -1,
        "tags", List.of("ok", "far-too-long"))));

    assertThat(refused.problems()).containsExactlyInAnyOrder(
        "/email: does not match the regex pattern ^[^@]+@[^@]+$",
        "/age: must have a minimum value of 0",
        "/tags/1: must be at most 8 characters long");
    assertThat(spy.total()).as("no storage call at all").isZero();
    assertThat(catchValidation(() -> ops.create(Map.of("age", 3))).problems())
        .containsExactly("/: required property 'email' not found");
  }

  @Test
  void validWritesPassAndAnUpdateThatBreaksTheSchemaChangesNothing() {
    String id = ops.create(Map.of("email", "a@x.io", "age", 3)).id();
    ops.update(id, Map.of("email", "b@x.io", "tags", List.of("vip")), WriteOptions.none());
    spy.reset();

    assertThatThrownBy(() -> ops.update(id, Map.of("email", "b@x.io", "age", "three"), WriteOptions.none()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("/age: ");
    assertThat(spy.total()).isZero();
    assertThat(ops.getLatest(id).orElseThrow().ov()).isEqualTo(2);
    assertThat(ops.history(id)).hasSize(2);
  }

  @Test
  void enrichIsCheckedOnTheMergedDocument() {
    String id = ops.create(Map.of("email", "a@x.io", "score", 4)).id();
    spy.reset();

    assertThatThrownBy(() -> ops.enrich(id, patch("{\"score\": 11}"), EnrichOptions.builder().functionId("scorer@v1").build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("/score: must have a maximum value of 10");
    assertThatThrownBy(() -> ops.enrich(id, patch("{\"email\": null}"), EnrichOptions.builder().functionId("f@v1").build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("required property 'email'");
    assertThat(spy.count("BlobStore.put") + spy.count("VersionLog.append")).isZero();
    assertThat(ops.history(id)).hasSize(1);

    assertThat(ops.enrich(id, patch("{\"score\": 9}"), EnrichOptions.builder().functionId("scorer@v1").build()).ov())
        .isEqualTo(2);
  }

  @Test
  void aRestoreToAStateTheCurrentSchemaRefusesChangesNothing() {
    String id;
    try (Udm before = open(false)) {
      ItemOps loose = before.with(users);
      id = loose.create(Map.of("email", "a@x.io", "age", "unknown")).id();
      loose.update(id, Map.of("email", "a@x.io", "age", 30), WriteOptions.none());
    }
    spy.reset();

    assertThatThrownBy(() -> ops.restoreObject(id, RestoreTarget.version(1), WriteOptions.none()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("/age: ");
    assertThat(spy.count("BlobStore.put") + spy.count("VersionLog.append")).isZero();
    assertThat(ops.history(id)).hasSize(2);
    assertThat(ops.restoreObject(id, RestoreTarget.version(2), WriteOptions.none()).ov()).isEqualTo(3);
  }

  @Test
  void base64ValuesAreCheckedAsSentAndTheirReferencesCarriedForward() {
    String small = Base64.getEncoder().encodeToString(new byte[16]);
    String large = Base64.getEncoder().encodeToString(new byte[200]);
    spy.reset();

    assertThatThrownBy(() -> ops.create(Map.of("email", "a@x.io", "avatar", large)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("/avatar: must be at most 64 characters long");
    assertThat(spy.total()).isZero();

    String id = ops.create(Map.of("email", "a@x.io", "avatar", small)).id();
    ObjectNode stored = ops.getLatest(id, ReadOptions.defaults()).orElseThrow().data();
    assertThat(stored.get("avatar").has("$content")).isTrue();
    stored.put("age", 5);
    assertThat(ops.update(id, stored, WriteOptions.none()).ov()).as("a held reference is not judged").isEqualTo(2);
  }

  @Test
  void checkSchemaFindsTheLiveItemsWrittenBeforeAStricterSchema() {
    String bad;
    String worse;
    String good;
    try (Udm before = open(false)) {
      ItemOps loose = before.with(users);
      bad = loose.create(Map.of("email", "a@x.io", "age", -4)).id();
      worse = loose.create(Map.of("age", "old", "score", 99)).id();
      good = loose.create(Map.of("email", "c@x.io", "age", 40)).id();
      String deleted = loose.create(Map.of("age", -1)).id();
      loose.delete(deleted, WriteOptions.none());
      assertThatThrownBy(() -> before.maintenance().checkSchema(users)).isInstanceOf(ValidationException.class)
          .hasMessageContaining("has no schema");
    }
    List<io.udm.api.Progress> progress = new java.util.ArrayList<>();

    io.udm.api.SchemaReport report = udm.maintenance().checkSchema(users, progress::add);

    assertThat(report.itemsChecked()).as("deleted items are not checked").isEqualTo(3);
    assertThat(report.itemsInvalid()).isEqualTo(2);
    assertThat(report.violations()).extracting(v -> v.itemId() + " " + v.ov() + " " + v.pointer())
        .containsExactlyInAnyOrder(bad + " 1 /age", worse + " 1 /", worse + " 1 /age", worse + " 1 /score");
    assertThat(report.violations()).noneMatch(v -> v.itemId().equals(good));
    assertThat(progress).extracting(io.udm.api.Progress::done).containsExactly(1L, 2L, 3L);
  }

  private static ObjectNode patch(String json) {
    return JsonValues.parseObject(json);
  }

  private static ValidationException catchValidation(Runnable write) {
    try {
      write.run();
    } catch (ValidationException e) {
      return e;
    }
    throw new AssertionError("the write was not refused");
  }
}
