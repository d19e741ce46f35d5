package io.udm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.udm.api.CounterQuery;
import io.udm.api.CountersApi;
import io.udm.api.EnrichOptions;
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
 * Every argument of every method of ItemOps, CountersApi and MaintenanceApi, passed as null in
 * turn: a ValidationException naming it, never a NullPointerException, and no storage call.
 */
class NullArgumentsTest {
  private static final RouteContext CTX = RouteContext.of("acme", "crm", "notes");

  @TestFactory
  Stream<DynamicTest> noApiMethodAcceptsANullArgument() {
    FaultFixture fx = new FaultFixture(MemoryPorts.withBackends("m-0"), MutableClock.startingAt("2026-01-01T00:00:00Z"),
        UdmConfig.builder().build());
    Udm udm = TestUdms.open(UdmConfig.builder().hardDeleteEnabled(true).build(), fx.faulty, fx.clock, fx.ids);
    List<DynamicTest> tests = new ArrayList<>();
    Map<Class<?>, Object> apis = Map.of(ItemOps.class, udm.with(CTX), CountersApi.class, udm.counters(),
        MaintenanceApi.class, udm.maintenance());
    apis.forEach((api, target) -> {
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
                .hasMessageContaining(method.getName()).hasMessageContaining("must not be null");
            assertThat(fx.faults.trace()).as("storage calls").isEmpty();
          }));
        }
      }
    });
    assertThat(tests).hasSizeGreaterThan(30);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> udmRefusesANullCollection() {
    Udm udm = TestUdms.open(UdmConfig.builder().build(), MemoryPorts.withBackends("m-0"),
        MutableClock.startingAt("2026-01-01T00:00:00Z"), MemoryPorts.sequentialIds());
    return Stream.of(
        DynamicTest.dynamicTest("with(null)", () -> assertThat(catchThrowable(() -> udm.with(null)))
            .isInstanceOf(ValidationException.class).hasMessageContaining("RouteContext.of")),
        DynamicTest.dynamicTest("route(null)", () -> assertThat(catchThrowable(() -> udm.route(null)))
            .isInstanceOf(ValidationException.class).hasMessageContaining("RouteContext.of")));
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
        Map.entry(CounterQuery.class, CounterQuery.of("acme", null, null)));
    Object sample = samples.get(type);
    if (sample == null) {
      throw new IllegalStateException("no sample value for " + type + "; add one so its null check is tested");
    }
    return sample;
  }
}
