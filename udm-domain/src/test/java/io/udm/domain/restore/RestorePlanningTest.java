package io.udm.domain.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.Op;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.SystemHeader;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RestorePlanningTest {
  private static final RouteContext USERS = RouteContext.of("t", "db", "users");
  private static final ItemKey KEY = ItemKey.of(USERS, "u1");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static VersionRecord version(long ov, long cv, boolean deleted) {
    Instant at = T0.plusSeconds(60 * ov);
    SystemHeader h = new SystemHeader(T0, at, deleted ? Optional.of(at) : Optional.empty(), deleted, List.of());
    return new VersionRecord(KEY, ov, cv, at, deleted ? Op.DELETE : Op.UPDATE, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), "w" + ov, "p" + ov, 10, JsonValues.NODES.objectNode(),
        h, List.of());
  }

  private final VersionRecord v1 = version(1, 10, false);
  private final VersionRecord v2 = version(2, 20, false);
  private final VersionRecord v3 = version(3, 30, true);
  private final List<VersionRecord> history = List.of(v1, v2, v3);

  @Test
  void aCollectionTargetPicksEachItemsNewestVersionAtOrBeforeIt() {
    assertThat(RestorePoint.select(history, RestoreTarget.collectionVersion(25))).contains(v2);
    assertThat(RestorePoint.select(history, RestoreTarget.collectionVersion(30))).contains(v3);
    assertThat(RestorePoint.select(history, RestoreTarget.collectionVersion(9))).isEmpty();
    assertThat(RestorePoint.select(history, RestoreTarget.at(v2.at()))).contains(v2);
    assertThat(RestorePoint.select(history, RestoreTarget.at(v2.at().minusMillis(1)))).contains(v1);
    assertThat(RestorePoint.select(history, RestoreTarget.version(2))).contains(v2);
  }

  @Test
  void targetsAreCheckedForTheirKindOfRestore() {
    assertThatThrownBy(() -> RestorePoint.requireObjectTarget(RestoreTarget.collectionVersion(1)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("restoreCollection");
    assertThatThrownBy(() -> RestorePoint.requireCollectionTarget(RestoreTarget.version(1)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("restoreObject");
    RestorePoint.requireObjectTarget(RestoreTarget.at(T0));
    RestorePoint.requireCollectionTarget(RestoreTarget.at(T0));
  }

  @Test
  void decisions() {
    // Already there.
    assertThat(ItemRestoreDecision.decide(v2, List.of(v1, v2), Optional.of(v2))).isInstanceOf(ItemRestoreDecision.Unchanged.class);
    // Deleted then and now.
    assertThat(ItemRestoreDecision.decide(v3, history, Optional.of(v3))).isInstanceOf(ItemRestoreDecision.Unchanged.class);
    // Deleted now, live then: restore without comparing.
    assertThat(ItemRestoreDecision.decide(v3, history, Optional.of(v1))).isEqualTo(new ItemRestoreDecision.RestoreTo(v1));
    // Live then and now, another version: the data decides.
    assertThat(ItemRestoreDecision.decide(v2, List.of(v1, v2), Optional.of(v1))).isEqualTo(new ItemRestoreDecision.CompareWith(v1));
    // Did not exist then.
    assertThat(ItemRestoreDecision.decide(v2, List.of(v1, v2), Optional.empty())).isInstanceOf(ItemRestoreDecision.MarkDeleted.class);
    assertThat(ItemRestoreDecision.decide(v3, history, Optional.empty())).isInstanceOf(ItemRestoreDecision.Unchanged.class);
    // The state then was pruned away.
    assertThat(ItemRestoreDecision.decide(v3, List.of(v2, v3), Optional.empty())).isEqualTo(new ItemRestoreDecision.Pruned(2));
  }

  @Test
  void aCheckpointSurvivesItsJsonForm() {
    RestoreCheckpoint.Tally tally = new RestoreCheckpoint.Tally();
    tally.restored();
    tally.unchanged();
    tally.pruned();
    tally.deleted();
    RestoreCheckpoint cp = RestoreCheckpoint.start("run-1", RestoreTarget.at(T0.plusNanos(5)), Optional.of("req"), T0)
        .advance("obj-9", tally, T0.plusSeconds(1));
    assertThat(RestoreCheckpoint.fromBytes(cp.toBytes())).isEqualTo(cp);
    RestoreCheckpoint done = cp.finish(42, T0.plusSeconds(2));
    assertThat(RestoreCheckpoint.fromBytes(done.toBytes())).isEqualTo(done);
    assertThat(done.resultCv()).isEqualTo(OptionalLong.of(42));
    assertThat(cp.scanned()).isEqualTo(4);
    assertThat(cp.unchanged()).isEqualTo(2);
    assertThat(cp.pruned()).isEqualTo(1);
  }

  @Test
  void itemRequestIdsAreStablePerRunAndValidRequestIds() {
    RestoreCheckpoint a = RestoreCheckpoint.start("run-1", RestoreTarget.collectionVersion(3), Optional.empty(), T0);
    RestoreCheckpoint b = RestoreCheckpoint.start("run-2", RestoreTarget.collectionVersion(3), Optional.empty(), T0);
    assertThat(a.itemRequestId("x")).isEqualTo(a.itemRequestId("x")).isNotEqualTo(a.itemRequestId("y"))
        .isNotEqualTo(b.itemRequestId("x"));
    assertThat(io.udm.api.Names.requestIdProblem(a.itemRequestId("x".repeat(128)))).isEmpty();
  }

  @Test
  void checkpointKeysStayUnderTheCollectionAndNameTheRun() {
    assertThat(RestoreCheckpoint.key(USERS, RestoreTarget.collectionVersion(7), Optional.empty()))
        .isEqualTo("restores/t/t/db/users/cv-7.json");
    assertThat(RestoreCheckpoint.key(USERS, RestoreTarget.at(T0), Optional.of("r1")))
        .isEqualTo("restores/t/t/db/users/req-r1.json");
    assertThat(RestorePoint.describe(RestoreTarget.at(T0.plusNanos(5)))).isEqualTo("at-" + T0.getEpochSecond() + ".000000005");
  }
}
