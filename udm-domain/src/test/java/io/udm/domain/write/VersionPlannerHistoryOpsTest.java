package io.udm.domain.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Op;
import io.udm.api.SystemHeader;
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

/** Planning of enrichments and restores. */
class VersionPlannerHistoryOpsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T00:01:00Z");
  private final VersionPlanner planner = new VersionPlanner(new DocumentRules(LimitsConfig.builder().build()));
  private final CollectionMap users = CollectionMap.builder()
      .addIndexedProps("email", "score")
      .validation(CollectionValidation.builder().addRequiredIndexed("email").build())
      .build();

  private static ObjectNode doc(String json) {
    return JsonValues.parseObject(json);
  }

  private static CurrentState state(long ov, SystemHeader h) {
    return new CurrentState("u1", ov, T0, h);
  }

  private static final SystemHeader LIVE = new SystemHeader(T0, T0, Optional.empty(), false, List.of("a@1"));
  private static final SystemHeader DELETED = new SystemHeader(T0, T0, Optional.of(T0), true, List.of("a@1"));

  @Test
  void anEnrichmentMergesRecordsTheFunctionOnceAndExtractsMeta() {
    PlannedVersion v = planner.enrich("u1", Optional.of(state(2, LIVE)), doc("{\"email\":\"a@x\",\"t\":[1]}"),
        doc("{\"score\":7,\"t\":[1,2]}"), "scorer@v1", users, "users", OptionalLong.of(2), T1).get();
    assertThat(v.op()).isEqualTo(Op.ENRICH);
    assertThat(v.ov()).isEqualTo(3);
    assertThat(SystemHeaders.userData(v.storedDocument())).isEqualTo(doc("{\"email\":\"a@x\",\"t\":[1,2],\"score\":7}"));
    assertThat(v.meta()).isEqualTo(doc("{\"email\":\"a@x\",\"score\":7}"));
    assertThat(v.system().functionIds()).containsExactly("a@1", "scorer@v1");

    PlannedVersion again = planner.enrich("u1", Optional.of(state(3, v.system())), doc("{\"email\":\"a@x\"}"),
        doc("{}"), "a@1", users, "users", OptionalLong.empty(), T1).get();
    assertThat(again.system().functionIds()).containsExactly("a@1", "scorer@v1");
  }

  @Test
  void anEnrichmentCannotRemoveARequiredPropNorTouchADeletedOrStaleItem() {
    assertThat(planner.enrich("u1", Optional.of(state(1, LIVE)), doc("{\"email\":\"a@x\"}"), doc("{\"email\":null}"),
        "f", users, "users", OptionalLong.empty(), T1).getLeft())
        .isInstanceOfSatisfying(WriteRejection.Invalid.class, i -> assertThat(i.problems().toString()).contains("email"));
    assertThat(planner.enrich("u1", Optional.of(state(1, DELETED)), doc("{}"), doc("{}"), "f", users, "users",
        OptionalLong.empty(), T1).getLeft()).isInstanceOf(WriteRejection.Missing.class);
    assertThat(planner.enrich("u1", Optional.of(state(2, LIVE)), doc("{}"), doc("{}"), "f", users, "users",
        OptionalLong.of(1), T1).getLeft()).isEqualTo(new WriteRejection.Stale("u1", 1, 2));
    assertThat(planner.patchProblems(doc("{\"_system\":1}"), users)).isNotEmpty();
    assertThat(planner.patchProblems(null, users)).isNotEmpty();
  }

  @Test
  void aRestoreCopiesTheTargetStateAndBringsADeletedItemBack() {
    RestoreSource target = new RestoreSource(doc("{\"email\":\"old@x\"}"), false, List.of("z@1"), List.of());
    PlannedVersion v = planner.restore("u1", Optional.of(state(3, DELETED)), target, users, OptionalLong.of(3), T1).get();
    assertThat(v.op()).isEqualTo(Op.RESTORE);
    assertThat(v.ov()).isEqualTo(4);
    assertThat(SystemHeaders.userData(v.storedDocument())).isEqualTo(doc("{\"email\":\"old@x\"}"));
    assertThat(v.system()).isEqualTo(new SystemHeader(T0, T1, Optional.empty(), false, List.of("z@1")));
    assertThat(v.meta()).isEqualTo(doc("{\"email\":\"old@x\"}"));
  }

  @Test
  void aRestoreToADeletedStateMarksTheItemDeleted() {
    RestoreSource gone = new RestoreSource(doc("{\"email\":\"a@x\"}"), true, List.of(), List.of());
    PlannedVersion v = planner.restore("u1", Optional.of(state(1, LIVE)), gone, users, OptionalLong.empty(), T1).get();
    assertThat(v.system().deleted()).isTrue();
    assertThat(v.system().deletedAt()).contains(T1);
  }

  @Test
  void aRestoreNeedsAnExistingItemAtTheExpectedOv() {
    RestoreSource target = new RestoreSource(doc("{\"email\":\"a@x\"}"), false, List.of(), List.of());
    assertThat(planner.restore("u1", Optional.empty(), target, users, OptionalLong.empty(), T1).getLeft())
        .isInstanceOf(WriteRejection.Missing.class);
    assertThat(planner.restore("u1", Optional.of(state(5, LIVE)), target, users, OptionalLong.of(4), T1).getLeft())
        .isEqualTo(new WriteRejection.Stale("u1", 4, 5));
  }
}
