package io.udm.app.faults;

import io.udm.api.error.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Decides, for every call through a faulty port, whether it runs normally, fails, crashes, waits or
 * first lets something else happen. Calls are named {@code port.method} (e.g. {@code blobs.put},
 * {@code versions.append}, {@code heads.compareAndSet}) and counted per name from 1; a rule fires on
 * the Nth call of its name. Every call is traced, so a dry run lists the boundaries of an operation.
 *
 * <ul>
 *   <li>{@code FAIL_BEFORE}: a transient {@link StorageException}, the effect does not happen.
 *   <li>{@code FAIL_AFTER}: the effect happens, then the reply is lost (a transient {@link StorageException}).
 *   <li>{@code CRASH_BEFORE} / {@code CRASH_AFTER}: a {@link SimulatedCrash} before or after the effect.
 *   <li>a hook runs before or after the effect (to park a writer on a latch, or let a rival write).
 *   <li>latency: every call of a name waits that long first.
 * </ul>
 */
public final class FaultInjector {
  public enum Action { FAIL_BEFORE, FAIL_AFTER, CRASH_BEFORE, CRASH_AFTER }

  private record Rule(String op, int nth, Optional<Action> action, Optional<Runnable> before, Optional<Runnable> after) {}

  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final Map<String, Duration> latencies = new ConcurrentHashMap<>();
  private final Map<String, Boolean> outages = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final List<String> trace = new CopyOnWriteArrayList<>();
  private volatile boolean enabled = true;

  public FaultInjector on(String op, int nth, Action action) {
    rules.add(new Rule(op, nth, Optional.of(action), Optional.empty(), Optional.empty()));
    return this;
  }

  public FaultInjector before(String op, int nth, Runnable hook) {
    rules.add(new Rule(op, nth, Optional.empty(), Optional.of(hook), Optional.empty()));
    return this;
  }

  public FaultInjector after(String op, int nth, Runnable hook) {
    rules.add(new Rule(op, nth, Optional.empty(), Optional.empty(), Optional.of(hook)));
    return this;
  }

  /**
   * An outage: every call of {@code op} fails before its effect, transiently (a stopped server, a
   * timeout) or not (a store's final refusal), until {@link #up(String)}.
   */
  public FaultInjector down(String op, boolean transientFailure) {
    outages.put(op, transientFailure);
    return this;
  }

  public FaultInjector up(String op) {
    outages.remove(op);
    return this;
  }

  public FaultInjector latency(String op, Duration each) {
    latencies.put(op, each);
    return this;
  }

  /** Forgets rules, counts and trace. */
  public void reset() {
    rules.clear();
    latencies.clear();
    outages.clear();
    counts.clear();
    trace.clear();
  }

  /** While disabled, calls pass straight through, untraced and uncounted. */
  public void enabled(boolean on) {
    enabled = on;
  }

  public List<String> trace() {
    return new ArrayList<>(trace);
  }

  public int calls(String op) {
    AtomicInteger n = counts.get(op);
    return n == null ? 0 : n.get();
  }

  <T> T call(String op, Supplier<T> effect) {
    if (!enabled) {
      return effect.get();
    }
    int n = counts.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
    trace.add(op);
    Duration wait = latencies.get(op);
    if (wait != null) {
      LockSupport.parkNanos(wait.toNanos());
    }
    Boolean outage = outages.get(op);
    if (outage != null) {
      throw new StorageException("injected outage of " + op + " #" + n, outage);
    }
    List<Rule> firing = rules.stream().filter(r -> r.op().equals(op) && r.nth() == n).toList();
    for (Rule r : firing) {
      r.before().ifPresent(Runnable::run);
      if (r.action().isPresent()) {
        switch (r.action().get()) {
          case FAIL_BEFORE -> throw new StorageException("injected failure before " + op + " #" + n, true);
          case CRASH_BEFORE -> throw new SimulatedCrash("before " + op + " #" + n);
          default -> { }
        }
      }
    }
    T result = effect.get();
    for (Rule r : firing) {
      r.after().ifPresent(Runnable::run);
      if (r.action().isPresent()) {
        switch (r.action().get()) {
          case FAIL_AFTER -> throw new StorageException("injected lost reply after " + op + " #" + n + " (it was applied)", true);
          case CRASH_AFTER -> throw new SimulatedCrash("after " + op + " #" + n);
          default -> { }
        }
      }
    }
    return result;
  }

  void run(String op, Runnable effect) {
    call(op, () -> {
      effect.run();
      return null;
    });
  }
}
