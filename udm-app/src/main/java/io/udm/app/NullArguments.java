package io.udm.app;

import io.udm.api.CounterQuery;
import io.udm.api.EnrichOptions;
import io.udm.api.HardDeleteOptions;
import io.udm.api.ListOptions;
import io.udm.api.MetaQuery;
import io.udm.api.ReadOptions;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.ShrinkOptions;
import io.udm.api.WriteOptions;
import io.udm.api.error.ValidationException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No API method takes a null: each one found is a {@link ValidationException} naming the method,
 * the argument and what to pass instead, raised before the call reaches a use case.
 */
final class NullArguments {
  private static final Map<Class<?>, String> WHAT_TO_PASS = Map.ofEntries(
      Map.entry(WriteOptions.class, "use WriteOptions.none()"),
      Map.entry(ReadOptions.class, "use ReadOptions.defaults()"),
      Map.entry(ListOptions.class, "use ListOptions.defaults()"),
      Map.entry(MetaQuery.class, "use MetaQuery.all() to match every item"),
      Map.entry(RouteContext.class, "use RouteContext.of(tenantId, dbName, collection)"),
      Map.entry(RestoreTarget.class, "use RestoreTarget.version(ov), .at(instant) or .collectionVersion(cv)"),
      Map.entry(EnrichOptions.class, "use EnrichOptions.builder().functionId(\"name@v1\").build()"),
      Map.entry(HardDeleteOptions.class, "use HardDeleteOptions.confirmed()"),
      Map.entry(ShrinkOptions.class, "use ShrinkOptions.dryRun() or ShrinkOptions.confirmed()"),
      Map.entry(CounterQuery.class, "use CounterQuery.of(tenantId, dbName, collection)"));

  private NullArguments() {}

  /** Throws when any argument of {@code method} is null. */
  static void require(Class<?> api, Method method, Object[] args) {
    if (args == null) {
      return;
    }
    Parameter[] parameters = method.getParameters();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        problems.add(api.getSimpleName() + "." + method.getName() + ": " + name(parameters[i], i)
            + " must not be null; " + WHAT_TO_PASS.getOrDefault(parameters[i].getType(),
                "pass a " + parameters[i].getType().getSimpleName()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  private static String name(Parameter parameter, int index) {
    return parameter.isNamePresent() ? "'" + parameter.getName() + "'" : "argument " + (index + 1);
  }
}
