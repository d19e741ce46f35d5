package io.udm.app.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.error.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** batchS3: a lone upload is never delayed; waiting ones go out together; failures stay with their own write. */
class UploadBatcherTest {
  private final UploadBatcher batcher = new UploadBatcher(10_000);

  @AfterEach
  void close() {
    batcher.close();
  }

  @Test
  void aLoneUploadRunsAtOnceOnItsCallersThread() {
    Thread caller = Thread.currentThread();
    List<Thread> ranOn = new ArrayList<>();

    batcher.upload(() -> ranOn.add(Thread.currentThread()));

    assertThat(ranOn).containsExactly(caller);
    assertThat(batcher.batchesSent()).isZero();
  }

  @Test
  void uploadsArrivingWhileOneIsInFlightGoTogetherWhenItEnds() throws Exception {
    CountDownLatch releaseFirst = new CountDownLatch(1);
    CompletableFuture<Void> first = inFlightUntil(batcher, releaseFirst);
    List<CompletableFuture<Void>> waiting = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waiting.add(CompletableFuture.runAsync(() -> batcher.upload(() -> { })));
    }
    while (waitingCount() < 5) {
      Thread.onSpinWait();
    }

    releaseFirst.countDown();

    first.get(10, TimeUnit.SECONDS);
    for (CompletableFuture<Void> w : waiting) {
      w.get(10, TimeUnit.SECONDS); // well before the 10 s window: sent when the first one ended
    }
    assertThat(batcher.batchesSent()).isEqualTo(1);
    assertThat(batcher.uploadsBatched()).isEqualTo(5);
  }

  @Test
  void aFailedUploadFailsOnlyItsOwnWrite() throws Exception {
    CountDownLatch releaseFirst = new CountDownLatch(1);
    CompletableFuture<Void> first = inFlightUntil(batcher, releaseFirst);
    CompletableFuture<Void> failing = CompletableFuture.runAsync(() -> batcher.upload(() -> {
      throw new StorageException("S3 said 503", true);
    }));
    CompletableFuture<Void> fine = CompletableFuture.runAsync(() -> batcher.upload(() -> { }));
    while (waitingCount() < 2) {
      Thread.onSpinWait();
    }

    releaseFirst.countDown();

    fine.get(10, TimeUnit.SECONDS);
    first.get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StorageException.class)
        .hasMessageContaining("503");
  }

  @Test
  void aWaitingUploadIsSentWhenTheWindowEndsEvenIfOneIsStillInFlight() throws Exception {
    try (UploadBatcher shortWindow = new UploadBatcher(20)) {
      CountDownLatch releaseFirst = new CountDownLatch(1);
      CompletableFuture<Void> first = inFlightUntil(shortWindow, releaseFirst);

      CompletableFuture.runAsync(() -> shortWindow.upload(() -> { })).get(10, TimeUnit.SECONDS);

      assertThat(first).isNotDone();
      releaseFirst.countDown();
      first.get(10, TimeUnit.SECONDS);
    }
  }

  /** An upload that has started and stays in flight until {@code release}. */
  private static CompletableFuture<Void> inFlightUntil(UploadBatcher on, CountDownLatch release)
      throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> on.upload(() -> {
      started.countDown();
      await(release);
    }));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    return upload;
  }

  private int waitingCount() {
    return batcher.waiting();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
