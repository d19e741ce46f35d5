package io.udm.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.udm.api.Names;
import io.udm.api.RouteContext;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import io.udm.domain.write.VersionPlanner;
import java.util.ArrayList;
import java.util.List;

/** Checks a write's input before any I/O, collecting every problem. */
final class WriteValidation {
  private final UdmConfig config;
  private final VersionPlanner planner;

  WriteValidation(UdmConfig config, VersionPlanner planner) {
    this.config = config;
    this.planner = planner;
  }

  void requireDocument(RouteContext ctx, String objectIdOrNull, ObjectNode data) {
    List<String> problems = new ArrayList<>();
    if (objectIdOrNull != null) {
      Names.objectIdProblem(objectIdOrNull).ifPresent(problems::add);
    }
    if (data == null) {
      problems.add("the document must not be null");
    } else {
      problems.addAll(planner.documentProblems(data, config.collectionMap(ctx.collection()), ctx.collection()));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  static void requireId(String objectId) {
    Names.requireObjectId(objectId);
  }
}
