package io.udm.adapter.mongo.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Reads an explain result: the stages of its winning plans, wherever the server puts them (a find,
 * update, delete or findAndModify has one under {@code queryPlanner}; the slot-based engine nests it
 * under {@code queryPlan}; an aggregate has one per {@code $cursor} stage). Rejected plans are not
 * read: only what runs counts.
 */
final class WinningPlans {
  /** Stages that read an index; MongoDB 8 adds express stages ({@code EXPRESS_IXSCAN} and the like). */
  private static final Set<String> INDEX_STAGES = Set.of("IDHACK", "COUNT_SCAN", "DISTINCT_SCAN");
  /** What the plan of a statement on a missing collection holds. */
  private static final Set<String> EMPTY_PLAN_STAGES = Set.of("EOF", "UPDATE", "DELETE");

  private WinningPlans() {}

  /** Every stage name in every winning plan of the result. */
  static List<String> stages(BsonDocument explain) {
    List<String> out = new ArrayList<>();
    findWinningPlans(explain, out);
    return out;
  }

  /** Whether the plan reads an index and never scans the collection. */
  static boolean usesAnIndex(List<String> stages) {
    return !stages.contains("COLLSCAN")
        && stages.stream().anyMatch(s -> INDEX_STAGES.contains(s) || s.contains("IXSCAN") || s.startsWith("EXPRESS"));
  }

  /**
   * Whether the collection did not exist when explained: an empty plan (under a write's stage) that
   * says nothing of indexes.
   */
  static boolean noCollection(List<String> stages) {
    return stages.contains("EOF") && EMPTY_PLAN_STAGES.containsAll(stages);
  }

  private static void findWinningPlans(BsonValue value, List<String> out) {
    if (value.isDocument()) {
      value.asDocument().forEach((key, inner) -> {
        if (key.equals("winningPlan")) {
          collectStages(inner, out);
        } else if (!key.equals("rejectedPlans")) {
          findWinningPlans(inner, out);
        }
      });
    } else if (value.isArray()) {
      value.asArray().forEach(inner -> findWinningPlans(inner, out));
    }
  }

  private static void collectStages(BsonValue plan, List<String> out) {
    if (plan.isDocument()) {
      plan.asDocument().forEach((key, inner) -> {
        if (key.equals("stage") && inner.isString()) {
          out.add(inner.asString().getValue());
        } else if (!key.equals("slotBasedPlan")) {
          collectStages(inner, out);
        }
      });
    } else if (plan.isArray()) {
      plan.asArray().forEach(inner -> collectStages(inner, out));
    }
  }
}
