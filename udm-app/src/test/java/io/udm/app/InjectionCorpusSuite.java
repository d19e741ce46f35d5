package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.EnrichOptions;
import io.udm.api.ItemOps;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile input through the public API: every case is refused with a {@link ValidationException}
 * before a single SPI port is called (a counting spy wraps every port). Each wiring (memory;
 * MongoDB + S3 servers in the JVM) runs it on its own stores. One instance for the class, so the
 * count of cases tried is per wiring.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class InjectionCorpusSuite {
  private int casesTried;

  private final CountingPorts spy = new CountingPorts();
  private final Udm udm;
  private final ItemOps ops;

  protected InjectionCorpusSuite(TestStores stores) {
    MutableClock clock = stores.clock("2026-01-01T00:00:00Z");
    udm = TestUdms.open(
        UdmConfig.builder().putCollectionMaps("users", CollectionMap.builder().addIndexedProps("email", "status").build()).build(),
        spy.wrap(stores.ports(clock)), clock, MemoryPorts.sequentialIds());
    ops = udm.with(RouteContext.of(TestStores.tenant("acme"), "crm", "users"));
  }

  static final List<String> HOSTILE_FILTERS = List.of(
      "{\"$where\": \"sleep(5000)\"}",
      "{\"$expr\": {\"$eq\": [\"$email\", \"$status\"]}}",
      "{\"$function\": {\"body\": \"return true\", \"args\": [], \"lang\": \"js\"}}",
      "{\"email\": {\"$regex\": \".*\"}}",
      "{\"email\": {\"$where\": \"1\"}}",
      "{\"email\": {\"$ne\": null}, \"$comment\": \"x\"}",
      "{\"email\": {\"$gt\": {\"$ne\": null}}}",
      "{\"email\": {\"$in\": [{\"$gt\": \"\"}]}}",
      "{\"email\": {\"$eq\": {\"$where\": \"1\"}}}",
      "{\"email.$\": 1}",
      "{\"$email\": 1}",
      "{\"email..x\": 1}",
      "{\"email\": \"a\\u0000b\"}",
      "{\"name\": \"not indexed\"}",
      "{\"_system.deleted\": true}",
      "{\"$or\": [{\"$where\": \"1\"}]}",
      "{\"$and\": [{\"email\": {\"$elemMatch\": {}}}]}",
      "{\"email\": {\"$exists\": \"yes\"}}",
      "{\"email\": \"" + "x".repeat(MetaQuery.MAX_STRING + 1) + "\"}");

  static final List<String> HOSTILE_IDS = List.of(
      "", "..", "../other-tenant", "a/../../b", "a/b", "a\\b", "$where", "{\"$ne\":null}", "a\u0000b",
      " leading-space", "x".repeat(129), "id with spaces", "%2e%2e", "a?b", "a#b", "ü", "\n");

  @AfterAll
  void report() {
    udm.close();
    System.out.println("[security] injection corpus (" + getClass().getSimpleName() + "): " + casesTried
        + " hostile cases refused with 0 port calls");
  }

  private void refused(String what, Runnable call) {
    casesTried++;
    spy.reset();
    assertThatThrownBy(call::run).as(what).isInstanceOf(ValidationException.class);
    assertThat(spy.total()).as("port calls for %s: %s", what, spy).isZero();
  }

  @Test
  void hostileFiltersAreRefusedBeforeAnyPortCall() {
    for (String filter : HOSTILE_FILTERS) {
      refused("filter " + filter, () -> ops.listByMeta(MetaQuery.fromJson(filter), ListOptions.defaults()));
    }
    refused("sort on a non-indexed prop", () -> ops.listByMeta(MetaQuery.all(), ListOptions.builder().sortBy("name", true).build()));
    refused("forged cursor", () -> ops.listByMeta(MetaQuery.all(), ListOptions.builder().cursor("eyJpZCI6Ii4uLyJ9").build()));
  }

  @Test
  void hostileIdsAreRefusedByEveryOperationBeforeAnyPortCall() {
    List<Consumer<String>> operations = new ArrayList<>(List.of(
        id -> ops.getLatest(id),
        id -> ops.getVersion(id, 1),
        id -> ops.getAsOf(id, Instant.EPOCH),
        id -> ops.history(id),
        id -> ops.update(id, Map.of("email", "a@x.io")),
        id -> ops.delete(id),
        id -> ops.enrich(id, Map.of("email", "a@x.io"), EnrichOptions.builder().functionId("f@1").build()),
        id -> ops.restoreObject(id, RestoreTarget.version(1)),
        id -> ops.create(Map.of("email", "a@x.io"), WriteOptions.builder().objectId(id).build())));
    for (String id : HOSTILE_IDS) {
      for (int i = 0; i < operations.size(); i++) {
        Consumer<String> op = operations.get(i);
        refused("operation " + i + " with id " + io.udm.api.Names.show(id), () -> op.accept(id));
      }
    }
  }

  @Test
  void hostileDocumentsAreRefusedBeforeAnyPortCall() {
    List<Map<String, Object>> documents = List.of(
        Map.of("email", "a@x.io", "$set", Map.of("status", "admin")),
        Map.of("email", "a@x.io", "_system", Map.of("deleted", true)),
        Map.of("email", "a@x.io", "a.b", 1),
        Map.of("email", "a@x.io", "nested", Map.of("$where", "1")),
        Map.of("email", "a@x.io", "nul\u0000key", 1),
        Map.of("email", "a@x.io", "", 1));
    for (Map<String, Object> doc : documents) {
      refused("create " + doc.keySet(), () -> ops.create(doc));
    }
  }

  @Test
  void hostileRouteContextsNeverGetThatFar() {
    for (String name : List.of("..", "a/b", "$admin", "a\u0000", "x".repeat(65), "a b", "a\\b")) {
      casesTried++;
      assertThatThrownBy(() -> RouteContext.of(name, "db", "c")).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> RouteContext.of("t", name, "c")).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> RouteContext.of("t", "db", name)).isInstanceOf(ValidationException.class);
    }
  }
}
