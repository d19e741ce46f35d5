package io.udm.adapter.mongo.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * The reading of explain results that {@link MongoContainerContractsTest} relies on, on results in
 * the shapes MongoDB sends (classic engine, slot-based engine, aggregate, writes): here, so that it
 * is known to work where no real server runs.
 */
class WinningPlansTest {
  @Test
  void aClassicPlanIsReadThroughItsInputStagesAndRejectedPlansAreNot() {
    List<String> stages = WinningPlans.stages(BsonDocument.parse("""
        {"queryPlanner": {"winningPlan": {"stage": "LIMIT", "inputStage": {"stage": "FETCH",
          "inputStage": {"stage": "IXSCAN", "indexName": "item_ov_unique"}}},
         "rejectedPlans": [{"stage": "COLLSCAN"}]}, "ok": 1}"""));

    assertThat(stages).containsExactly("LIMIT", "FETCH", "IXSCAN");
    assertThat(WinningPlans.usesAnIndex(stages)).isTrue();
  }

  @Test
  void aSlotBasedPlanIsReadFromItsQueryPlan() {
    List<String> stages = WinningPlans.stages(BsonDocument.parse("""
        {"queryPlanner": {"winningPlan": {"queryPlan": {"stage": "OR", "inputStages": [
          {"stage": "IXSCAN"}, {"stage": "COLLSCAN"}]}, "slotBasedPlan": {"stages": "[1] scan s1"}}}}"""));

    assertThat(stages).containsExactly("OR", "IXSCAN", "COLLSCAN");
    assertThat(WinningPlans.usesAnIndex(stages)).as("a scan in any branch").isFalse();
  }

  @Test
  void anAggregateIsReadFromItsCursorStage() {
    List<String> stages = WinningPlans.stages(BsonDocument.parse("""
        {"stages": [{"$cursor": {"queryPlanner": {"winningPlan": {"stage": "COLLSCAN"}}}},
          {"$group": {"_id": 1}}]}"""));

    assertThat(stages).containsExactly("COLLSCAN");
    assertThat(WinningPlans.usesAnIndex(stages)).isFalse();
  }

  @Test
  void writesAndLookupsByIdCountAsIndexed() {
    assertThat(WinningPlans.usesAnIndex(WinningPlans.stages(BsonDocument.parse("""
        {"queryPlanner": {"winningPlan": {"stage": "UPDATE", "inputStage": {"stage": "IDHACK"}}}}""")))).isTrue();
    assertThat(WinningPlans.usesAnIndex(WinningPlans.stages(BsonDocument.parse("""
        {"queryPlanner": {"winningPlan": {"stage": "EXPRESS_IXSCAN"}}}""")))).isTrue();
    assertThat(WinningPlans.usesAnIndex(List.of("SORT", "FETCH"))).as("no index stage at all").isFalse();
  }

  @Test
  void aPlanOfAMissingCollectionIsToldApart() {
    List<String> stages = WinningPlans.stages(BsonDocument.parse("""
        {"queryPlanner": {"winningPlan": {"stage": "EOF"}}}"""));

    assertThat(WinningPlans.noCollection(stages)).isTrue();
    assertThat(WinningPlans.noCollection(List.of("UPDATE", "EOF"))).as("a write's").isTrue();
    assertThat(WinningPlans.noCollection(List.of("FETCH", "IXSCAN"))).isFalse();
    assertThat(WinningPlans.noCollection(List.of("UPDATE", "COLLSCAN"))).isFalse();
  }
}
