package io.udm.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.udm.api.CreateResult;
import io.udm.api.DeadLetterOp;
import io.udm.api.FallbackApi;
import io.udm.api.FallbackFilter;
import io.udm.api.ItemOps;
import io.udm.api.Op;
import io.udm.api.PendingOp;
import io.udm.api.RouteContext;
import io.udm.api.Udm;
import io.udm.api.WriteOptions;
import io.udm.api.config.FallbackConfig;
import io.udm.api.config.UdmConfig;
import io.udm.api.error.NotFoundException;
import io.udm.api.error.QueuedForRetryException;
import io.udm.api.error.StorageException;
import io.udm.api.error.ValidationException;
import io.udm.spi.VersionRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fallback queue through the public API: what is queued (transient failures before the
 * commit point) and what is not, the worker committing queued writes once, dead letters, cancel,
 * per-item order, and two workers sharing one queue. Each wiring (memory; MongoDB + S3) runs it.
 * The object store's outage is injected ({@link FaultInjector#down}); the Mongo + S3 wiring also
 * stops and restarts the real server ({@code MongoS3FallbackTest}).
 */
public abstract class FallbackSuite {
  /**
   * Short delays so the worker retries within milliseconds; the worker is started by each test. The
   * outage is of object storage, so payloads go there (by default a small write never reaches it,
   * and an object store outage does not stop it).
   */
  protected static final UdmConfig QUEUED = UdmConfig.builder()
      .storage(io.udm.app.PayloadLayouts.objectPayloads())
      .fallback(FallbackConfig.builder().enabled(true).workerEnabled(false).maxAttempts(3).baseDelayMs(1)
          .maxDelayMs(8).build())
      .build();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  protected FaultFixture fx;
  protected RouteContext ctx;
  protected Udm victim;
  protected ItemOps ops;
  protected FallbackApi queue;
  private final List<Udm> opened = new ArrayList<>();

  protected abstract FaultFixture newFixture();

  @BeforeEach
  void open() {
    fx = newFixture();
    ctx = RouteContext.of("q" + UUID.randomUUID().toString().substring(0, 8), "db", "notes");
    victim = opened(fx.victim(QUEUED));
    ops = victim.with(ctx);
    queue = victim.fallback().orElseThrow();
  }

  @AfterEach
  void close() {
    opened.forEach(Udm::close);
    fx.faults.reset();
  }

  protected Udm opened(Udm udm) {
    opened.add(udm);
    return udm;
  }

  protected static Map<String, Object> doc(String text) {
    return Map.of("text", text);
  }

  @Test
  void aTransientFailureIsQueuedAndTheWorkerCommitsItOnce() {
    fx.faults.down("blobs.put", true);

    QueuedForRetryException queued = catchThrowableOfType(QueuedForRetryException.class, () -> ops.create(doc("a")));

    assertThat(queued).as("the create is queued").isNotNull();
    assertThat(queued.requestId()).as("a request id is generated when the caller gave none").startsWith("q-");
    assertThat(queued.getMessage()).contains(queued.requestId()).contains("udm queue --pending");
    assertThat(queue.getQueueStats().queueSize()).isEqualTo(1);
    PendingOp pending = queue.getPendingOps(FallbackFilter.of(ctx), 10).get(0);
    assertThat(pending.requestId()).isEqualTo(queued.requestId());
    assertThat(pending.op()).isEqualTo(Op.CREATE);
    assertThat(pending.attempts()).as("the caller's try counts").isEqualTo(1);
    assertThat(pending.lastError()).hasValueSatisfying(e -> assertThat(e).contains("outage of blobs.put"));
    String id = pending.itemId().orElseThrow();
    assertThat(ops.getLatest(id)).as("nothing committed yet").isEmpty();

    fx.faults.up("blobs.put");
    drain();

    assertThat(fx.history(ctx, id)).hasSize(1);
    assertThat(ops.getLatest(id)).hasValueSatisfying(v -> assertThat(v.data().get("text").asText()).isEqualTo("a"));
    CreateResult replay = ops.create(doc("a"), WriteOptions.builder().requestId(queued.requestId()).build());
    assertThat(replay.id()).isEqualTo(id);
    assertThat(fx.history(ctx, id)).as("a replay of the request id writes nothing").hasSize(1);
  }

  @Test
  void aCallersRequestIdIsTheQueuedOnesAndEveryKindOfWriteIsQueued() {
    String id = ops.create(doc("v1")).id();
    fx.faults.down("blobs.put", true);

    assertThat(queuedId(() -> ops.update(id, doc("v2"), WriteOptions.builder().requestId("my-update").build())))
        .isEqualTo("my-update");
    queuedId(() -> ops.enrich(id, io.udm.api.json.JsonValues.NODES.objectNode().put("score", 7),
        io.udm.api.EnrichOptions.builder().functionId("scorer@v1").build()));
    queuedId(() -> ops.restoreObject(id, io.udm.api.RestoreTarget.version(1), WriteOptions.none()));
    queuedId(() -> ops.delete(id, WriteOptions.none()));
    assertThat(queue.getPendingOps(FallbackFilter.of(ctx), 10)).extracting(PendingOp::op)
        .containsExactly(Op.UPDATE, Op.ENRICH, Op.RESTORE, Op.DELETE);

    fx.faults.up("blobs.put");
    drain();

    assertThat(fx.history(ctx, id)).extracting(VersionRecord::op)
        .containsExactly(Op.CREATE, Op.UPDATE, Op.ENRICH, Op.RESTORE, Op.DELETE);
  }

  @Test
  void badInputAndFinalRefusalsAreNeverQueued() {
    fx.faults.down("blobs.put", true);

    assertThatThrownBy(() -> ops.create(Map.of("$where", "x"))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ops.update("nobody", doc("x"), WriteOptions.none())).isInstanceOf(NotFoundException.class);
    fx.faults.down("blobs.put", false);
    assertThatThrownBy(() -> ops.create(doc("refused")))
        .isInstanceOf(StorageException.class).isNotInstanceOf(QueuedForRetryException.class);

    assertThat(queue.getQueueStats().queueSize()).isZero();
  }

  @Test
  void whenTheQueueCannotTakeTheWriteTheCallerGetsTheOriginalError() {
    fx.faults.down("blobs.put", true).down("retries.enqueue", true);

    assertThatThrownBy(() -> ops.create(doc("a")))
        .isInstanceOf(StorageException.class).isNotInstanceOf(QueuedForRetryException.class)
        .hasMessageContaining("outage of blobs.put");

    fx.faults.up("retries.enqueue");
    assertThat(queue.getQueueStats().queueSize()).isZero();
  }

  @Test
  void anOpIsDeadLetteredWhenItsAttemptsRunOutAndRetryDeadLetterCommitsIt() {
    fx.faults.down("blobs.put", true);
    String requestId = queuedId(() -> ops.create(doc("doomed")));
    String id = queue.getPendingOps(FallbackFilter.all(), 1).get(0).itemId().orElseThrow();

    queue.startWorker();
    await(() -> queue.getQueueStats().deadLetterSize() == 1 && queue.getQueueStats().queueSize() == 0);
    queue.stopWorker();

    DeadLetterOp dead = queue.getDeadLetterOps(FallbackFilter.of(ctx), 10).get(0);
    assertThat(dead.requestId()).isEqualTo(requestId);
    assertThat(dead.attempts()).as("maxAttempts, the caller's try included").isEqualTo(3);
    assertThat(dead.lastError()).contains("outage of blobs.put");
    assertThat(fx.history(ctx, id)).isEmpty();

    fx.faults.up("blobs.put");
    assertThat(queue.retryDeadLetter(dead.deadLetterId())).isTrue();
    assertThat(queue.retryDeadLetter(dead.deadLetterId())).isFalse();
    assertThat(queue.getPendingOps(FallbackFilter.all(), 10).get(0).attempts()).as("attempts reset").isZero();
    drain();

    assertThat(fx.history(ctx, id)).hasSize(1);
    assertThat(queue.getQueueStats().deadLetterSize()).isZero();
  }

  /**
   * A create whose first attempt committed but could not be told (reply lost, read-back failed) is
   * queued; the item is then hard-deleted. The queued retry must not write it back: the request id
   * outlives the hard delete, so the retry knows its write happened (the op is done) and a client's
   * replay is told the item is gone.
   */
  @Test
  void aQueuedCreateThatHadCommittedDoesNotBringBackAHardDeletedItem() {
    Udm deleting = opened(fx.victim(UdmConfig.builder().from(QUEUED).hardDeleteEnabled(true).build()));
    ItemOps items = deleting.with(ctx);
    FallbackApi deletingQueue = deleting.fallback().orElseThrow();
    fx.faults.on("versions.append", 1, FaultInjector.Action.FAIL_AFTER);
    fx.faults.on("versions.find", 1, FaultInjector.Action.FAIL_BEFORE);
    String requestId = queuedId(() -> items.create(doc("committed, unknown to its caller")));
    String id = deletingQueue.getPendingOps(FallbackFilter.of(ctx), 1).get(0).itemId().orElseThrow();
    fx.faults.reset();
    assertThat(fx.history(ctx, id)).as("the first attempt did commit").hasSize(1);

    deleting.maintenance().hardDelete(ctx, id, io.udm.api.HardDeleteOptions.confirmed());
    deletingQueue.startWorker();
    await(() -> deletingQueue.getQueueStats().queueSize() == 0);
    deletingQueue.stopWorker();

    assertThat(fx.history(ctx, id)).as("the hard-deleted item stays gone").isEmpty();
    assertThat(items.getLatest(id, io.udm.api.ReadOptions.builder().includeDeleted(true).build())).isEmpty();
    assertThat(deletingQueue.getDeadLetterOps(FallbackFilter.of(ctx), 10))
        .as("its write happened once, before the item went: the op is done, not failed").isEmpty();
    assertThatThrownBy(() -> items.create(doc("committed, unknown to its caller"),
        WriteOptions.builder().requestId(requestId).build()))
        .as("a client's replay is told the item is gone").isInstanceOf(io.udm.api.error.NotFoundException.class)
        .hasMessageContaining("hard-deleted");
  }

  @Test
  void aCancelledOpNeverCommits() {
    fx.faults.down("blobs.put", true);
    String requestId = queuedId(() -> ops.create(doc("cancelled")));
    String id = queue.getPendingOps(FallbackFilter.all(), 1).get(0).itemId().orElseThrow();

    assertThat(queue.cancelOp(requestId)).isTrue();
    assertThat(queue.cancelOp(requestId)).isFalse();
    fx.faults.up("blobs.put");
    ops.create(doc("a later write"));
    queue.startWorker();
    await(() -> fx.faults.calls("retries.lease") >= 3);
    queue.stopWorker();

    assertThat(fx.history(ctx, id)).isEmpty();
    assertThat(fx.backend(ctx).versions().findByRequestId(ctx, requestId)).isEmpty();
  }

  @Test
  void queuedWritesOfOneItemCommitInEnqueueOrder() {
    String id = ops.create(doc("v0")).id();
    fx.faults.down("blobs.put", true);
    for (int i = 1; i <= 3; i++) {
      int n = i;
      queuedId(() -> ops.update(id, doc("v" + n), WriteOptions.none()));
    }

    fx.faults.up("blobs.put");
    // The worker's first try (of v1) fails again: v1 waits its backoff, and v2, v3 must wait for it.
    fx.faults.on("blobs.put", fx.faults.calls("blobs.put") + 1, FaultInjector.Action.FAIL_BEFORE);
    drain();

    List<String> texts = fx.history(ctx, id).stream()
        .map(v -> fx.payload(ctx, v).orElseThrow().path("text").asText()).toList();
    assertThat(texts).containsExactly("v0", "v1", "v2", "v3");
  }

  @Test
  void twoWorkersSharingTheQueueCommitEveryOpExactlyOnce() {
    int count = Integer.getInteger("udm.fallback.sharedOps", 500);
    fx.faults.down("blobs.put", true);
    for (int i = 0; i < count; i++) {
      int n = i;
      queuedId(() -> ops.create(doc("n" + n), WriteOptions.builder().requestId("shared-" + n).build()));
    }
    assertThat(queue.getQueueStats().queueSize()).isEqualTo(count);
    fx.faults.up("blobs.put");

    FallbackApi first = opened(fx.rival(QUEUED)).fallback().orElseThrow();
    FallbackApi second = opened(fx.rival(QUEUED)).fallback().orElseThrow();
    first.startWorker();
    second.startWorker();
    await(() -> first.getQueueStats().queueSize() == 0);
    first.stopWorker();
    second.stopWorker();

    List<String> itemIds = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      VersionRecord v = fx.backend(ctx).versions().findByRequestId(ctx, "shared-" + i).orElseThrow(
          () -> new AssertionError("a queued op was lost"));
      itemIds.add(v.key().objectId());
      assertThat(fx.history(ctx, v.key().objectId())).as("versions of %s", v.key().objectId()).hasSize(1);
    }
    assertThat(itemIds).doesNotHaveDuplicates().hasSize(count);
    assertThat(first.getQueueStats().deadLetterSize()).isZero();
    System.out.println("[fallback] two workers committed " + count + " queued ops, each exactly once");
  }

  @Test
  void aWorkerThatStalledPastItsLeaseCannotDeadLetterTheOpAnotherWorkerHolds() throws InterruptedException {
    fx.faults.down("blobs.put", true);
    String requestId = queuedId(() -> ops.create(doc("contended")));
    fx.faults.up("blobs.put");
    // No heartbeat may save the stalled worker's lease.
    fx.faults.down("retries.extendLease", true);
    CountDownLatch firstStalled = new CountDownLatch(1);
    CountDownLatch firstResumes = new CountDownLatch(1);
    CountDownLatch secondHoldsTheLease = new CountDownLatch(1);
    CountDownLatch secondResumes = new CountDownLatch(1);
    // Upload #1 was the caller's try; #2 is the first worker's, #3 the second's.
    fx.faults.before("blobs.put", 2, () -> {
      firstStalled.countDown();
      awaitLatch(firstResumes);
      throw new StorageException("a final refusal the stalled worker meets when it wakes", false);
    });
    fx.faults.before("blobs.put", 3, () -> {
      secondHoldsTheLease.countDown();
      awaitLatch(secondResumes);
    });

    try {
      queue.startWorker();
      awaitLatch(firstStalled);
      fx.clock.advance(Duration.ofMinutes(1));
      FallbackApi second = opened(fx.victim(QUEUED)).fallback().orElseThrow();
      second.startWorker();
      awaitLatch(secondHoldsTheLease);
      int deadLetterTries = fx.faults.calls("retries.deadLetter");
      firstResumes.countDown();
      await(() -> fx.faults.calls("retries.deadLetter") > deadLetterTries);

      assertThat(queue.getQueueStats().deadLetterSize()).as("the stale lease could not dead-letter the op").isZero();
      assertThat(queue.getPendingOps(FallbackFilter.of(ctx), 10)).extracting(PendingOp::requestId)
          .containsExactly(requestId);
      secondResumes.countDown();
      await(() -> queue.getQueueStats().queueSize() == 0);
      queue.stopWorker();
      second.stopWorker();
    } finally {
      // A failed assertion must not leave a worker parked for the next test.
      firstResumes.countDown();
      secondResumes.countDown();
    }

    VersionRecord committed = fx.backend(ctx).versions().findByRequestId(ctx, requestId).orElseThrow();
    assertThat(fx.history(ctx, committed.key().objectId())).hasSize(1);
    assertThat(queue.getQueueStats().deadLetterSize()).isZero();
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("not reached within " + PATIENCE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void theWorkerStartsWithTheProcessByDefaultAndStartStopAreIdempotent() {
    // Attempts enough that the running worker cannot dead-letter the op (QUEUED allows 3, a few ms
    // apart) between its queueing and the test's look at the queue, however the threads are scheduled.
    UdmConfig workerOn = UdmConfig.builder().from(QUEUED)
        .fallback(FallbackConfig.builder().from(QUEUED.fallback()).workerEnabled(true).maxAttempts(50)
            .baseDelayMs(20).maxDelayMs(100).build()).build();
    assertThat(FallbackConfig.builder().enabled(true).build().workerEnabled())
        .as("fallback.workerEnabled defaults to fallback.enabled").isTrue();
    queue.startWorker();
    queue.startWorker();
    queue.stopWorker();
    queue.stopWorker();
    Udm withWorker = opened(fx.victim(workerOn));
    fx.faults.down("blobs.put", true);
    queuedId(() -> withWorker.with(ctx).create(doc("picked up without startWorker")));
    // The running worker may hold the op under its lease for a moment (its retry fails while the fault
    // is on): wait until the op shows as pending rather than read the list at that instant.
    await(() -> !queue.getPendingOps(FallbackFilter.of(ctx), 1).isEmpty());
    String id = queue.getPendingOps(FallbackFilter.of(ctx), 1).get(0).itemId().orElseThrow();

    fx.faults.up("blobs.put");
    await(() -> queue.getQueueStats().queueSize() == 0);
    withWorker.close();

    assertThat(fx.history(ctx, id)).hasSize(1);
  }

  /** Runs the victim's worker until the queue is empty. */
  protected void drain() {
    queue.startWorker();
    await(() -> queue.getQueueStats().queueSize() == 0);
    queue.stopWorker();
  }

  protected static String queuedId(Runnable write) {
    QueuedForRetryException queued = catchThrowableOfType(QueuedForRetryException.class, write::run);
    assertThat(queued).as("the write was queued for retry").isNotNull();
    return queued.requestId();
  }

  protected static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + PATIENCE);
      }
      try {
        TimeUnit.MILLISECONDS.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
