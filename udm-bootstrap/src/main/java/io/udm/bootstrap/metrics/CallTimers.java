package io.udm.bootstrap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The timers of one interface's calls: one meter name, the tags every call shares, the call's
 * method name under each of {@code methodTags}, and its outcome. Timers are looked up once per method
 * and outcome, not built per call.
 */
final class CallTimers {
  private final MeterRegistry registry;
  private final String name;
  private final String description;
  private final Tags common;
  private final List<String> methodTags;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  CallTimers(MeterRegistry registry, String name, String description, Tags common, String... methodTags) {
    this.registry = registry;
    this.name = name;
    this.description = description;
    this.common = common;
    this.methodTags = List.of(methodTags);
  }

  void record(Method method, String outcome, long nanos) {
    timers.computeIfAbsent(method.getName() + ' ' + outcome, key -> {
          Timer.Builder timer = Timer.builder(name).description(description).tags(common);
          methodTags.forEach(tag -> timer.tag(tag, method.getName()));
          return timer.tag("outcome", outcome).register(registry);
        })
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
