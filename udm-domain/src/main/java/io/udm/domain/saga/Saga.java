package io.udm.domain.saga;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Steps run in order; when one fails, the steps already completed are undone in reverse order.
 *
 * <ul>
 *   <li>The failing step's own compensation does not run: it did not complete.
 *   <li>The original exception is rethrown unchanged (same instance); a compensation that fails
 *       is added to it as suppressed, and the remaining compensations still run.
 *   <li>An {@link Error} (a crash) propagates at once and compensates nothing, just as a process
 *       that died would; recovery is left to repair and garbage collection.
 * </ul>
 *
 * <p>Immutable: {@link #step} returns a new saga, so a prefix can be shared.
 */
public final class Saga {
  private static final Consumer<Exception> NOTHING_TO_COMPENSATE = failure -> {};

  private final String name;
  private final List<Step> steps;

  private record Step(String name, Runnable action, Consumer<Exception> compensation) {}

  private Saga(String name, List<Step> steps) {
    this.name = name;
    this.steps = steps;
  }

  public static Saga named(String name) {
    return new Saga(requireName(name, "saga name"), List.of());
  }

  public Saga step(String stepName, Runnable action, Runnable compensation) {
    Objects.requireNonNull(compensation, "compensation");
    return step(stepName, action, failure -> compensation.run());
  }

  /**
   * A step whose compensation is told what failed later: it may leave something in place when the
   * failure says it might still be needed (a commit whose outcome is unknown keeps its payload).
   */
  public Saga step(String stepName, Runnable action, Consumer<Exception> compensation) {
    Step step =
        new Step(
            requireName(stepName, "step name"),
            Objects.requireNonNull(action, "action"),
            Objects.requireNonNull(compensation, "compensation"));
    List<Step> extended = new ArrayList<>(steps);
    extended.add(step);
    return new Saga(name, List.copyOf(extended));
  }

  /** A step that leaves nothing to undo (a read, a check, the final commit). */
  public Saga step(String stepName, Runnable action) {
    return step(stepName, action, NOTHING_TO_COMPENSATE);
  }

  public void run() {
    finish("done", () -> null);
  }

  /**
   * Runs the steps, then {@code last}, and returns what {@code last} returns. When {@code last}
   * fails, every step is undone as for a failing step (so {@code last} is the step that decides,
   * such as the commit itself, and has nothing of its own to undo).
   */
  public <T> T finish(String lastStepName, Supplier<T> last) {
    requireName(lastStepName, "step name");
    Objects.requireNonNull(last, "last");
    Deque<Step> completed = new ArrayDeque<>();
    for (Step step : steps) {
      try {
        step.action().run();
      } catch (Exception failure) {
        // Exception, not just RuntimeException: a checked exception thrown sneakily is still a
        // failure, not a crash. The rethrow is precise, so no checked exception is declared.
        compensate(completed, failure);
        throw failure;
      }
      completed.push(step);
    }
    try {
      return last.get();
    } catch (Exception failure) {
      compensate(completed, failure);
      throw failure;
    }
  }

  private static void compensate(Deque<Step> completedNewestFirst, Exception failure) {
    for (Step step : completedNewestFirst) {
      try {
        step.compensation().accept(failure);
      } catch (Exception compensationFailure) {
        if (compensationFailure != failure) {
          failure.addSuppressed(compensationFailure);
        }
      } catch (Error crash) {
        // A crash while undoing: stop, as a dead process would, but keep the cause in view.
        crash.addSuppressed(failure);
        throw crash;
      }
    }
  }

  @Override
  public String toString() {
    List<String> stepNames = steps.stream().map(Step::name).toList();
    return "Saga '" + name + "' " + stepNames;
  }

  private static String requireName(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be null or blank");
    }
    return value;
  }
}
