package io.udm.api;

import io.udm.api.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which counters to read: a tenant, optionally narrowed to one database and one collection. */
public record CounterQuery(String tenantId, Optional<String> dbName, Optional<String> collection) {
  public CounterQuery {
    List<String> problems = new ArrayList<>();
    Names.tenantIdProblem(tenantId).ifPresent(problems::add);
    dbName.flatMap(Names::dbNameProblem).ifPresent(problems::add);
    collection.flatMap(Names::collectionProblem).ifPresent(problems::add);
    if (collection.isPresent() && dbName.isEmpty()) {
      problems.add("a counter query naming a collection must also name its dbName");
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** {@code dbName} and {@code collection} may be null, meaning all. */
  public static CounterQuery of(String tenantId, String dbName, String collection) {
    return new CounterQuery(tenantId, Optional.ofNullable(dbName), Optional.ofNullable(collection));
  }

  /** Whether a collection falls under this query. */
  public boolean covers(RouteContext ctx) {
    return ctx.tenantId().equals(tenantId)
        && dbName.map(ctx.dbName()::equals).orElse(true)
        && collection.map(ctx.collection()::equals).orElse(true);
  }
}
