package io.udm.domain.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SagaTest {
  private final List<String> journal = new ArrayList<>();

  @Test
  void stepsRunInTheOrderTheyWereAdded() {
    Saga.named("write")
        .step("upload", record("upload"), record("undo upload"))
        .step("insert", record("insert"), record("undo insert"))
        .step("commit", record("commit"))
        .run();

    assertThat(journal).containsExactly("upload", "insert", "commit");
  }

  @Test
  void aFailedStepUndoesTheCompletedStepsInReverseOrder() {
    IllegalStateException lostRace = new IllegalStateException("lost the race");
    Saga saga =
        Saga.named("write")
            .step("upload content", record("upload content"), record("undo upload content"))
            .step("upload payload", record("upload payload"), record("undo upload payload"))
            .step("insert version", fail("insert version", lostRace), record("undo insert version"))
            .step("set head", record("set head"), record("undo set head"));

    assertThatThrownBy(saga::run).isSameAs(lostRace);
    assertThat(journal)
        .containsExactly(
            "upload content", "upload payload", "insert version", "undo upload payload", "undo upload content");
  }

  @Test
  void aFailureInTheFirstStepCompensatesNothing() {
    RuntimeException failure = new RuntimeException("no");
    Saga saga = Saga.named("write").step("first", fail("first", failure), record("undo first"));

    assertThatThrownBy(saga::run).isSameAs(failure);
    assertThat(journal).containsExactly("first");
  }

  @Test
  void stepsWithoutACompensationAreSkippedWhenUndoing() {
    Saga saga =
        Saga.named("write")
            .step("a", record("a"), record("undo a"))
            .step("check", record("check"))
            .step("b", fail("b", new RuntimeException("b failed")));

    catchThrowable(saga::run);

    assertThat(journal).containsExactly("a", "check", "b", "undo a");
  }

  @Test
  void theOriginalExceptionIsRethrownWithItsOwnType() {
    class OptimisticLockLike extends RuntimeException {
      OptimisticLockLike() {
        super("expected ov 3, found 4");
      }
    }
    OptimisticLockLike original = new OptimisticLockLike();
    Saga saga = Saga.named("write").step("a", record("a"), record("undo a")).step("b", fail("b", original));

    Throwable thrown = catchThrowable(saga::run);

    assertThat(thrown).isSameAs(original).isExactlyInstanceOf(OptimisticLockLike.class).hasNoSuppressedExceptions();
  }

  @Test
  void aFailingCompensationIsSuppressedAndTheOtherCompensationsStillRun() {
    RuntimeException original = new IllegalStateException("step c failed");
    RuntimeException undoFailure = new IllegalArgumentException("could not delete payload");
    Saga saga =
        Saga.named("write")
            .step("a", record("a"), record("undo a"))
            .step("b", record("b"), fail("undo b", undoFailure))
            .step("c", fail("c", original));

    Throwable thrown = catchThrowable(saga::run);

    assertThat(thrown).isSameAs(original);
    assertThat(thrown.getSuppressed()).containsExactly(undoFailure);
    assertThat(journal).containsExactly("a", "b", "c", "undo b", "undo a");
  }

  @Test
  void everyFailingCompensationIsSuppressedInTheOrderItRan() {
    RuntimeException original = new RuntimeException("c failed");
    RuntimeException undoBFailure = new RuntimeException("undo b failed");
    RuntimeException undoAFailure = new RuntimeException("undo a failed");
    Saga saga =
        Saga.named("write")
            .step("a", record("a"), fail("undo a", undoAFailure))
            .step("b", record("b"), fail("undo b", undoBFailure))
            .step("c", fail("c", original));

    Throwable thrown = catchThrowable(saga::run);

    assertThat(thrown.getSuppressed()).containsExactly(undoBFailure, undoAFailure);
  }

  @Test
  void aCompensationRethrowingTheOriginalDoesNotSuppressItself() {
    RuntimeException original = new RuntimeException("b failed");
    Saga saga = Saga.named("write").step("a", record("a"), fail("undo a", original)).step("b", fail("b", original));

    Throwable thrown = catchThrowable(saga::run);

    assertThat(thrown).isSameAs(original).hasNoSuppressedExceptions();
  }

  @Test
  void anErrorPropagatesWithoutAnyCompensation() {
    Error crash = new SimulatedCrash();
    Saga saga =
        Saga.named("write")
            .step("a", record("a"), record("undo a"))
            .step("b", record("b"), record("undo b"))
            .step("c", crashWith("c", crash), record("undo c"))
            .step("d", record("d"));

    assertThatThrownBy(saga::run).isSameAs(crash);
    assertThat(journal).containsExactly("a", "b", "c");
  }

  @Test
  void anErrorWhileCompensatingStopsCompensatingAndKeepsTheOriginalInView() {
    RuntimeException original = new RuntimeException("c failed");
    Error crash = new SimulatedCrash();
    Saga saga =
        Saga.named("write")
            .step("a", record("a"), record("undo a"))
            .step("b", record("b"), crashWith("undo b", crash))
            .step("c", fail("c", original));

    Throwable thrown = catchThrowable(saga::run);

    assertThat(thrown).isSameAs(crash);
    assertThat(thrown.getSuppressed()).containsExactly(original);
    assertThat(journal).containsExactly("a", "b", "c", "undo b");
  }

  @Test
  void aSneakilyThrownCheckedExceptionIsCompensatedAndRethrownUnchanged() {
    IOException ioFailure = new IOException("disk full");
    Saga saga =
        Saga.named("write")
            .step("a", record("a"), record("undo a"))
            .step("b", () -> SagaTest.<RuntimeException>sneakyThrow(ioFailure));

    assertThatThrownBy(saga::run).isSameAs(ioFailure);
    assertThat(journal).containsExactly("a", "undo a");
  }

  @Test
  void addingAStepLeavesTheOriginalSagaAsItWas() {
    Saga prefix = Saga.named("write").step("a", record("a"));
    Saga longer = prefix.step("b", record("b"));

    prefix.run();
    assertThat(journal).containsExactly("a");
    longer.run();
    assertThat(journal).containsExactly("a", "a", "b");
  }

  @Test
  void toStringNamesTheSagaAndItsSteps() {
    Saga saga = Saga.named("create item").step("upload payload", record("x"), record("y")).step("insert version", record("z"));

    assertThat(saga).hasToString("Saga 'create item' [upload payload, insert version]");
  }

  @Test
  void blankNamesAndMissingActionsAreRejected() {
    assertThatThrownBy(() -> Saga.named(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Saga.named("s").step(null, record("a"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Saga.named("s").step("a", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Saga.named("s").step("a", record("a"), (Runnable) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Saga.named("s").step("a", record("a"), (java.util.function.Consumer<Exception>) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Saga.named("s").finish("a", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void anEmptySagaDoesNothing() {
    Saga.named("nothing").run();

    assertThat(journal).isEmpty();
  }

  private Runnable record(String entry) {
    return () -> journal.add(entry);
  }

  private Runnable fail(String entry, RuntimeException failure) {
    return () -> {
      journal.add(entry);
      throw failure;
    };
  }

  private Runnable crashWith(String entry, Error crash) {
    return () -> {
      journal.add(entry);
      throw crash;
    };
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }

  /** Stands in for a process dying mid-saga in fault tests. */
  private static final class SimulatedCrash extends Error {
    SimulatedCrash() {
      super("simulated crash");
    }
  }

  @Test
  void finishReturnsWhatTheLastStepReturnsAfterEveryStep() {
    String committed = Saga.named("write")
        .step("upload", record("upload"), record("undo upload"))
        .finish("append", () -> {
          journal.add("append");
          return "ov 1";
        });

    assertThat(committed).isEqualTo("ov 1");
    assertThat(journal).containsExactly("upload", "append");
  }

  @Test
  void aFailingLastStepUndoesEveryStepAndEachCompensationSeesTheFailure() {
    IllegalStateException unknown = new IllegalStateException("outcome unknown");
    List<Exception> seen = new ArrayList<>();
    Saga saga = Saga.named("write")
        .step("upload content", record("upload content"), record("undo upload content"))
        .step("upload payload", record("upload payload"), failure -> {
          seen.add(failure);
          journal.add("keep payload");
        });

    assertThatThrownBy(() -> saga.finish("append", () -> {
      throw unknown;
    })).isSameAs(unknown);
    assertThat(journal).containsExactly("upload content", "upload payload", "keep payload", "undo upload content");
    assertThat(seen).containsExactly(unknown);
  }

  @Test
  void finishDoesNotRunTheLastStepWhenAStepFails() {
    IllegalStateException refused = new IllegalStateException("upload refused");
    Saga saga = Saga.named("write").step("upload", fail("upload", refused), record("undo upload"));

    assertThatThrownBy(() -> saga.finish("append", () -> journal.add("append"))).isSameAs(refused);
    assertThat(journal).containsExactly("upload");
  }
}
