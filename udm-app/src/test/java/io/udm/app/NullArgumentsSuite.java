package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.udm.api.AdminApi;
import io.udm.api.CounterQuery;
import io.udm.api.CountersApi;
import io.udm.api.EnrichOptions;
import io.udm.api.FallbackApi;
import io.udm.api.FallbackFilter;
import io.udm.api.HardDeleteOptions;
import io.udm.api.ItemOps;
import io.udm.api.ListOptions;
import io.udm.api.MaintenanceApi;
import io.udm.api.MetaQuery;
import io.udm.api.ReadOptions;
import io.udm.api.RestoreTarget;
import io.udm.api.RouteContext;
import io.udm.api.ShrinkOptions;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.FallbackConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.ValidationException;
import io.udm.api.json.JsonValues;
import io.udm.app.faults.FaultFixture;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every argument of every method of every public API interface ({@code Udm}, {@code ItemOps},
 * {@code CountersApi}, {@code MaintenanceApi}, {@code FallbackApi}, {@code AdminApi}), passed as
 * null in turn: a ValidationException naming the method, never a NullPointerException, and no
 * storage call. Each wiring runs it.
 */
public abstract class NullArgumentsSuite {
  private static final RouteContext CTX = RouteContext.of("acme", "crm", "notes");
  /**
   * The null-argument cases the API has: pinned, so a method added without its case (or a case
   * that silently stops being generated) fails here until this number is checked and moved.
   */
  private static final int CASES = 98;
  private static final List<Class<?>> APIS = List.of(Udm.class, ItemOps.class, CountersApi.class,
      MaintenanceApi.class, FallbackApi.class, AdminApi.class);

  /** A fresh fixture on the wiring under test. */
  protected abstract FaultFixture newFixture();

  @TestFactory
  Stream<DynamicTest> noApiMethodAcceptsANullArgument() {
    FaultFixture fx = newFixture();
    Udm udm = TestUdms.open(UdmConfig.builder().hardDeleteEnabled(true)
        .fallback(FallbackConfig.builder().enabled(true).workerEnabled(false).build()).build(), fx.faulty, fx.clock,
        fx.ids);
    Map<Class<?>, Object> apis = Map.of(Udm.class, udm, ItemOps.class, udm.with(CTX), CountersApi.class,
        udm.counters(), MaintenanceApi.class, udm.maintenance(), FallbackApi.class, udm.fallback().orElseThrow(),
        AdminApi.class, udm.admin());
    assertThat(apis.keySet()).containsExactlyInAnyOrderElementsOf(APIS);
    List<DynamicTest> tests = new ArrayList<>();
    for (Class<?> api : APIS) {
      Object target = apis.get(api);
      for (Method method : api.getMethods()) {
        if (Modifier.isStatic(method.getModifiers())) {
          continue;
        }
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
          if (types[i].isPrimitive()) {
            continue;
          }
          int nulled = i;
          tests.add(DynamicTest.dynamicTest(api.getSimpleName() + "." + method.getName()
              + Arrays.toString(types) + " with argument " + (i + 1) + " null", () -> {
            fx.faults.reset();
            Object[] args = new Object[types.length];
            for (int a = 0; a < types.length; a++) {
              args[a] = a == nulled ? null : sample(types[a]);
            }
            Throwable thrown = catchThrowable(() -> invoke(method, target, args));
            assertThat(thrown).isInstanceOf(ValidationException.class)
                .hasMessageContaining(api.getSimpleName() + "." + method.getName()).hasMessageContaining("must not be null");
            assertThat(fx.faults.trace()).as("storage calls").isEmpty();
          }));
        }
      }
    }
    assertThat(tests).as("null-argument cases of %s", APIS).hasSize(CASES);
    return tests.stream();
  }

  private static void invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Object sample(Class<?> type) {
    Map<Class<?>, Object> samples = Map.ofEntries(
        Map.entry(long.class, 1L),
        Map.entry(int.class, 10),
        Map.entry(io.udm.api.ChangeQuery.class, io.udm.api.ChangeQuery.fromStart()),
        Map.entry(String.class, "item-1"),
        Map.entry(com.fasterxml.jackson.databind.node.ObjectNode.class, JsonValues.parseObject("{\"a\": 1}")),
        Map.entry(Map.class, Map.of("a", 1)),
        Map.entry(List.class, List.of()),
        Map.entry(WriteOptions.class, WriteOptions.none()),
        Map.entry(ReadOptions.class, ReadOptions.defaults()),
        Map.entry(ListOptions.class, ListOptions.defaults()),
        Map.entry(MetaQuery.class, MetaQuery.all()),
        Map.entry(EnrichOptions.class, EnrichOptions.builder().functionId("f@v1").build()),
        Map.entry(RestoreTarget.class, RestoreTarget.version(1)),
        Map.entry(Instant.class, Instant.parse("2026-01-01T00:00:00Z")),
        Map.entry(Duration.class, Duration.ofDays(1)),
        Map.entry(RouteContext.class, CTX),
        Map.entry(HardDeleteOptions.class, HardDeleteOptions.confirmed()),
        Map.entry(ShrinkOptions.class, ShrinkOptions.dryRun()),
        Map.entry(io.udm.api.ProgressListener.class, io.udm.api.ProgressListener.NONE),
        Map.entry(CounterQuery.class, CounterQuery.of("acme", null, null)),
        Map.entry(FallbackFilter.class, FallbackFilter.all()),
        Map.entry(java.util.Optional.class, java.util.Optional.empty()));
    Object sample = samples.get(type);
    if (sample == null) {
      throw new IllegalStateException("no sample value for " + type + "; add one so its null check is tested");
    }
    return sample;
  }
}
