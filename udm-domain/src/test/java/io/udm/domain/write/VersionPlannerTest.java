package io.udm.domain.write;

import io.udm.domain.keys.StorageKeys;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Op;
import io.udm.api.config.CollectionMap;
import io.udm.api.config.CollectionValidation;
import io.udm.api.config.LimitsConfig;
import io.udm.api.json.JsonValues;
import io.udm.domain.document.DocumentRules;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class VersionPlannerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T00:01:00Z");
  private final VersionPlanner planner = new VersionPlanner(new DocumentRules(LimitsConfig.builder().build()));
  private final CollectionMap users = CollectionMap.builder()
      .addIndexedProps("email", "status")
      .validation(CollectionValidation.builder().addRequiredIndexed("email").build())
      .build();

  private static ObjectNode doc(String json) {
    return JsonValues.parseObject(json);
  }

  private static CurrentState live(long ov, Instant at) {
    return new CurrentState("u1", ov, at, SystemHeaders.created(T0));
  }

  @Test
  void aCreatePlansOvOneWithMetaAndAFreshSystemHeader() {
    PlannedVersion v = planner.create("u1", Optional.empty(), doc("{\"email\":\"a@x\",\"status\":\"on\",\"n\":1}"),
        users, OptionalLong.empty(), T0).get();

    assertThat(v.ov()).isEqualTo(1);
    assertThat(v.op()).isEqualTo(Op.CREATE);
    assertThat(v.meta()).isEqualTo(doc("{\"email\":\"a@x\",\"status\":\"on\"}"));
    assertThat(v.system()).isEqualTo(SystemHeaders.created(T0));
    assertThat(v.storedDocument().path("_system").path("insertedAt").asText()).isEqualTo(T0.toString());
    assertThat(v.storedDocument().path("n").asInt()).isEqualTo(1);
  }

  @Test
  void aCreateOverAnExistingItemIsStale() {
    WriteRejection r = planner.create("u1", Optional.of(live(3, T0)), doc("{\"email\":\"a\"}"), users,
        OptionalLong.empty(), T0).getLeft();
    assertThat(r).isEqualTo(new WriteRejection.Stale("u1", 0, 3));
  }

  @Test
  void anUpdateKeepsInsertedAtAndMovesUpdatedAt() {
    PlannedVersion v = planner.update("u1", Optional.of(live(1, T0)), doc("{\"email\":\"b@x\"}"), users,
        OptionalLong.of(1), T1).get();
    assertThat(v.ov()).isEqualTo(2);
    assertThat(v.system().insertedAt()).isEqualTo(T0);
    assertThat(v.system().updatedAt()).isEqualTo(T1);
    assertThat(v.at()).isEqualTo(T1);
  }

  @Test
  void anUpdateWithAStaleExpectedOvIsRejectedWithBothOvs() {
    assertThat(planner.update("u1", Optional.of(live(2, T0)), doc("{\"email\":\"b\"}"), users, OptionalLong.of(1), T1).getLeft())
        .isEqualTo(new WriteRejection.Stale("u1", 1, 2));
  }

  @Test
  void updatesAndDeletesNeedALiveItem() {
    assertThat(planner.update("u1", Optional.empty(), doc("{\"email\":\"b\"}"), users, OptionalLong.empty(), T1).getLeft())
        .isInstanceOf(WriteRejection.Missing.class);
    CurrentState deleted = new CurrentState("u1", 2, T0, SystemHeaders.deleted(SystemHeaders.created(T0), T0));
    assertThat(planner.delete("u1", Optional.of(deleted), doc("{}"), users, OptionalLong.empty(), T1).getLeft())
        .isInstanceOfSatisfying(WriteRejection.Missing.class, m -> assertThat(m.detail()).contains("restore"));
  }

  @Test
  void aDeleteKeepsTheDataAndMarksTheHeader() {
    PlannedVersion v = planner.delete("u1", Optional.of(live(1, T0)), doc("{\"email\":\"a@x\"}"), users,
        OptionalLong.empty(), T1).get();
    assertThat(v.op()).isEqualTo(Op.DELETE);
    assertThat(v.system().deleted()).isTrue();
    assertThat(v.system().deletedAt()).contains(T1);
    assertThat(v.meta()).isEqualTo(doc("{\"email\":\"a@x\"}"));
  }

  @Test
  void versionTimesNeverGoBackwards() {
    PlannedVersion v = planner.update("u1", Optional.of(live(1, T1)), doc("{\"email\":\"a\"}"), users,
        OptionalLong.empty(), T0).get();
    assertThat(v.at()).isEqualTo(T1);
  }

  @Test
  void documentProblemsIncludeMissingRequiredIndexedProps() {
    assertThat(planner.documentProblems(doc("{\"status\":\"on\"}"), users, "users"))
        .singleElement().asString().contains("email");
    assertThat(planner.documentProblems(doc("{\"email\":\"a\"}"), users, "users")).isEmpty();
  }

  @Test
  void theSystemHeaderSurvivesItsJsonForm() {
    var header = SystemHeaders.enriched(SystemHeaders.deleted(SystemHeaders.created(T0), T1), T1, "scorer@v1");
    assertThat(SystemHeaders.fromJson(SystemHeaders.toJson(header))).isEqualTo(header);
    assertThat(SystemHeaders.enriched(header, T1, "scorer@v1").functionIds()).containsExactly("scorer@v1");
  }

  @Test
  void storageKeysStayUnderTheirCollectionPrefix() {
    var ctx = io.udm.api.RouteContext.of("acme", "crm", "users");
    var key = io.udm.spi.ItemKey.of(ctx, "u1");
    assertThat(StorageKeys.payload(key, 3, "w1")).isEqualTo("t/acme/crm/users/u1/3-w1.json");
    assertThat(StorageKeys.content(key, "ab12")).isEqualTo("t/acme/crm/users/u1/c/ab12");
    assertThat(List.of(StorageKeys.payload(key, 1, "w"), StorageKeys.content(key, "x")))
        .allMatch(k -> k.startsWith(StorageKeys.collectionPrefix(ctx)));
  }

  @Test
  void aRequestFingerprintIgnoresKeyOrderButNotContent() {
    String a = RequestFingerprint.of(Op.UPDATE, "u1", doc("{\"a\":1,\"b\":2}"));
    assertThat(RequestFingerprint.of(Op.UPDATE, "u1", doc("{\"b\":2,\"a\":1}"))).isEqualTo(a);
    assertThat(RequestFingerprint.of(Op.UPDATE, "u1", doc("{\"a\":1,\"b\":3}"))).isNotEqualTo(a);
    assertThat(RequestFingerprint.of(Op.CREATE, "u1", doc("{\"a\":1,\"b\":2}"))).isNotEqualTo(a);
    assertThat(RequestFingerprint.of(Op.UPDATE, "u2", doc("{\"a\":1,\"b\":2}"))).isNotEqualTo(a);
  }
}
