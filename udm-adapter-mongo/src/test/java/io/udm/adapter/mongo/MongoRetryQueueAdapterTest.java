package io.udm.adapter.mongo;

import static io.udm.adapter.mongo.Records.T0;
import static io.udm.adapter.mongo.Records.newCollection;
import static io.udm.adapter.mongo.Records.retryOp;
import static io.udm.adapter.mongo.Records.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.udm.api.FallbackFilter;
import io.udm.api.Op;
import io.udm.api.RouteContext;
import io.udm.spi.DeadLetter;
import io.udm.spi.RetryOp;
import io.udm.spi.RetryQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoRetryQueueAdapterTest {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static InJvmMongo mongo;
  private static MongoCountersStorage storage;

  private RetryQueue queue;
  private final RouteContext collection = newCollection();

  @BeforeAll
  static void start() {
    mongo = InJvmMongo.start();
    storage = mongo.openCounters("queue_test");
  }

  @AfterAll
  static void stop() {
    storage.close();
    mongo.close();
  }

  @BeforeEach
  void freshQueue() {
    queue = storage.retryQueue("q_" + unique(), "dead_" + unique());
  }

  @Test
  void anEnqueuedOpIsPendingAsWrittenAndQueuedOnce() {
    RetryOp op = retryOp(collection, Op.CREATE, T0);

    assertThat(queue.enqueue(op)).isTrue();
    assertThat(queue.enqueue(op)).isFalse();

    List<RetryOp> pending = queue.pending(FallbackFilter.all(), 10);
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0)).usingRecursiveComparison().isEqualTo(op);
  }

  @Test
  void onlyDueOpsWithoutARunningLeaseAreLeasedOldestDueFirst() {
    RetryOp later = retryOp(collection, Op.CREATE, T0.plusSeconds(11));
    RetryOp dueNow = retryOp(collection, Op.CREATE, T0.plusSeconds(10));
    RetryOp overdue = retryOp(collection, Op.CREATE, T0);
    List.of(later, dueNow, overdue).forEach(queue::enqueue);

    List<RetryOp> leased = queue.lease(T0.plusSeconds(10), LEASE, 10);

    assertThat(leased).extracting(RetryOp::requestId).containsExactly(overdue.requestId(), dueNow.requestId());
    assertThat(leased).allSatisfy(op -> assertThat(op.leaseUntil()).contains(T0.plusSeconds(10).plus(LEASE)));
    assertThat(queue.lease(T0.plusSeconds(10).plus(LEASE).minusMillis(1), LEASE, 10))
        .extracting(RetryOp::requestId).containsExactly(later.requestId());
    assertThat(queue.lease(T0.plusSeconds(10).plus(LEASE), LEASE, 10)).hasSize(2);
  }

  @Test
  void racingWorkersNeverLeaseTheSameOp() {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      RetryOp op = retryOp(collection, Op.CREATE, T0);
      queue.enqueue(op);
      all.add(op.requestId());
    }

    List<List<RetryOp>> perWorker = Race.run(8, worker -> queue.lease(T0, LEASE, 3));

    List<String> leased = new ArrayList<>();
    perWorker.forEach(ops -> ops.forEach(op -> leased.add(op.requestId())));
    assertThat(leased).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void rescheduleReleasesTheLease() {
    RetryOp op = retryOp(collection, Op.UPDATE, T0);
    queue.enqueue(op);
    queue.lease(T0, LEASE, 10);

    assertThat(queue.reschedule(op.requestId(), 1, T0.plusSeconds(4), "timeout")).isTrue();

    RetryOp pending = queue.pending(FallbackFilter.all(), 10).get(0);
    assertThat(pending.attempts()).isEqualTo(1);
    assertThat(pending.nextAttemptAt()).isEqualTo(T0.plusSeconds(4));
    assertThat(pending.leaseUntil()).isEmpty();
    assertThat(pending.lastError()).contains("timeout");
    assertThat(queue.lease(T0.plusSeconds(4), LEASE, 10)).hasSize(1);
  }

  @Test
  void aDeadLetterLeavesTheQueueAndCanBeRevived() {
    RetryOp op = retryOp(collection, Op.DELETE, T0);
    queue.enqueue(op);
    queue.reschedule(op.requestId(), 7, T0.plusSeconds(60), "still failing");
    String deadLetterId = "d" + unique();

    Optional<DeadLetter> letter = queue.deadLetter(op.requestId(), deadLetterId, T0.plusSeconds(61), "gave up");

    assertThat(letter).hasValueSatisfying(dead -> {
      assertThat(dead.op().attempts()).isEqualTo(7);
      assertThat(dead.op().lastError()).contains("gave up");
      assertThat(dead.lastError()).isEqualTo("gave up");
    });
    assertThat(queue.pending(FallbackFilter.all(), 10)).isEmpty();
    assertThat(queue.deadLetters(FallbackFilter.all(), 10)).containsExactly(letter.get());

    assertThat(queue.revive(deadLetterId, T0.plusSeconds(3600))).isTrue();
    assertThat(queue.revive(deadLetterId, T0.plusSeconds(3600))).isFalse();
    RetryOp revived = queue.pending(FallbackFilter.all(), 10).get(0);
    assertThat(revived.attempts()).isZero();
    assertThat(revived.nextAttemptAt()).isEqualTo(T0.plusSeconds(3600));
    assertThat(revived.enqueuedAt()).isEqualTo(op.enqueuedAt());
    assertThat(queue.deadLetters(FallbackFilter.all(), 10)).isEmpty();
  }

  @Test
  void aTakenDeadLetterIdLeavesTheOpQueued() {
    RetryOp first = retryOp(collection, Op.CREATE, T0);
    RetryOp second = retryOp(collection, Op.CREATE, T0);
    queue.enqueue(first);
    queue.enqueue(second);
    queue.deadLetter(first.requestId(), "d-same", T0, "x");

    assertThatThrownBy(() -> queue.deadLetter(second.requestId(), "d-same", T0, "x"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(queue.pending(FallbackFilter.all(), 10)).extracting(RetryOp::requestId).containsExactly(second.requestId());
  }

  @Test
  void reviveRefusesWhileTheRequestIsQueuedAgain() {
    RetryOp op = retryOp(collection, Op.CREATE, T0);
    queue.enqueue(op);
    queue.deadLetter(op.requestId(), "d1", T0, "x");
    queue.enqueue(op);

    assertThat(queue.revive("d1", T0)).isFalse();
    assertThat(queue.deadLetters(FallbackFilter.all(), 10)).hasSize(1);
  }

  @Test
  void cancelAndCompleteRemoveEvenLeasedOps() {
    RetryOp leased = retryOp(collection, Op.CREATE, T0);
    RetryOp idle = retryOp(collection, Op.CREATE, T0.plusSeconds(1));
    queue.enqueue(leased);
    queue.enqueue(idle);
    queue.lease(T0, LEASE, 1);

    assertThat(queue.cancel(leased.requestId())).isTrue();
    assertThat(queue.complete(idle.requestId())).isTrue();
    assertThat(queue.cancel(leased.requestId())).isFalse();
    assertThat(queue.reschedule(leased.requestId(), 1, T0, "late")).isFalse();
    assertThat(queue.deadLetter(idle.requestId(), "d" + unique(), T0, "late")).isEmpty();
    assertThat(queue.pending(FallbackFilter.all(), 10)).isEmpty();
  }

  @Test
  void listingsFilterByScopeAndOpAndHonourTheLimit() {
    RouteContext other = newCollection();
    RetryOp create = retryOp(collection, Op.CREATE, T0);
    RetryOp update = retryOp(collection, Op.UPDATE, T0.plusSeconds(1));
    RetryOp elsewhere = retryOp(other, Op.CREATE, T0.plusSeconds(2));
    RetryOp doomed = retryOp(other, Op.DELETE, T0.plusSeconds(3));
    List.of(create, update, elsewhere, doomed).forEach(queue::enqueue);
    queue.deadLetter(doomed.requestId(), "d" + unique(), T0.plusSeconds(10), "x");

    assertThat(queue.pending(FallbackFilter.of(collection), 10)).extracting(RetryOp::requestId)
        .containsExactly(create.requestId(), update.requestId());
    assertThat(queue.pending(new FallbackFilter(Optional.of(collection.tenantId()), Optional.empty(), Optional.empty(),
        Optional.of(Op.UPDATE)), 10)).extracting(RetryOp::requestId).containsExactly(update.requestId());
    assertThat(queue.pending(FallbackFilter.all(), 2)).hasSize(2);
    assertThat(queue.pending(FallbackFilter.all(), 0)).isEmpty();
    assertThat(queue.deadLetters(FallbackFilter.of(other), 10)).extracting(dead -> dead.op().requestId())
        .containsExactly(doomed.requestId());
    assertThat(queue.deadLetters(FallbackFilter.of(collection), 10)).isEmpty();
  }

  @Test
  void countsShowQueuedLeasedDeadAndTheOldestEnqueueTime() {
    assertThat(queue.counts(T0)).isEqualTo(new RetryQueue.QueueCounts(0, 0, 0, Optional.empty()));
    RetryOp oldest = retryOp(collection, Op.CREATE, T0);
    RetryOp middle = retryOp(collection, Op.CREATE, T0.plusSeconds(1));
    RetryOp newest = retryOp(collection, Op.CREATE, T0.plusSeconds(2));
    RetryOp doomed = retryOp(collection, Op.CREATE, T0.plusSeconds(3));
    List.of(oldest, middle, newest, doomed).forEach(queue::enqueue);
    queue.deadLetter(doomed.requestId(), "d" + unique(), T0.plusSeconds(4), "x");
    queue.lease(T0.plusSeconds(1), LEASE, 10);

    assertThat(queue.counts(T0.plusSeconds(2))).isEqualTo(new RetryQueue.QueueCounts(3, 2, 1, Optional.of(T0)));
    assertThat(queue.counts(T0.plusSeconds(1).plus(LEASE))).isEqualTo(new RetryQueue.QueueCounts(3, 0, 1, Optional.of(T0)));
  }
}
