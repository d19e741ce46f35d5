package io.udm.api;

import io.udm.api.error.ValidationException;
import java.util.List;

/** Where an item lives: tenant, database and collection. Validated on construction. */
public record RouteContext(String tenantId, String dbName, String collection) {
  public RouteContext {
    List<String> problems =
        Names.problems(
            List.of(
                Names.tenantIdProblem(tenantId),
                Names.dbNameProblem(dbName),
                Names.collectionProblem(collection)));
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  public static RouteContext of(String tenantId, String dbName, String collection) {
    return new RouteContext(tenantId, dbName, collection);
  }

  @Override
  public String toString() {
    return tenantId + "/" + dbName + "/" + collection;
  }
}
