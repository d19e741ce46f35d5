package io.udm.spi.contract;

import static io.udm.spi.contract.TestRecords.T0;
import static io.udm.spi.contract.TestRecords.newCollection;
import static io.udm.spi.contract.TestRecords.retryOp;
import static io.udm.spi.contract.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.udm.api.FallbackFilter;
import io.udm.api.Op;
import io.udm.api.RouteContext;
import io.udm.spi.DeadLetter;
import io.udm.spi.RetryOp;
import io.udm.spi.RetryQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RetryQueue} must do. Leasing and counting look at the whole queue, so unlike
 * the other suites this one needs an empty queue per test: {@link #newQueue()} must not share
 * state with any other test (a Mongo adapter can use fresh collection names per call).
 */
public abstract class RetryQueueContract {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final int THREADS = 8;

  /** An empty queue that no other test uses. */
  protected abstract RetryQueue newQueue();

  private RetryQueue queue;
  private RouteContext collection;

  @BeforeEach
  void createEmptyQueue() {
    queue = newQueue();
    collection = newCollection();
    assertThat(queue.counts(T0))
        .as("newQueue() must return an empty queue of its own")
        .isEqualTo(new RetryQueue.QueueCounts(0, 0, 0, Optional.empty()));
  }

  // ------------------------------------------------------------------ enqueue

  @Test
  void anEnqueuedOpIsPendingAsWritten() {
    RetryOp op = retryOp(collection, Op.CREATE, T0);

    assertThat(queue.enqueue(op)).isTrue();

    assertThat(queue.pending(FallbackFilter.all(), 10)).singleElement().satisfies(pending -> assertSameOp(pending, op));
  }

  @Test
  void aRequestIdIsQueuedOnlyOnce() {
    RetryOp op = retryOp(collection, Op.CREATE, T0);
    queue.enqueue(op);

    assertThat(queue.enqueue(op)).isFalse();
    assertThat(queue.pending(FallbackFilter.all(), 10)).hasSize(1);
  }

  @Test
  void aCompletedRequestIdCanBeQueuedAgain() {
    RetryOp op = retryOp(collection, Op.CREATE, T0);
    queue.enqueue(op);
    Instant held = leaseOne(T0);

    assertThat(queue.complete(op, held)).isTrue();
    assertThat(queue.complete(op, held)).isFalse();
    assertThat(queue.pending(FallbackFilter.all(), 10)).isEmpty();
    assertThat(queue.enqueue(op)).isTrue();
  }

  @Test
  void theSameRequestIdInTwoCollectionsIsTwoOps() {
    RetryOp here = retryOp(collection, Op.CREATE, T0);
    RouteContext elsewhere = newCollection();
    RetryOp there = new RetryOp(here.requestId(), elsewhere, Op.CREATE, here.itemId(), here.request(), 0, T0, T0,
        Optional.empty(), Optional.empty());

    assertThat(queue.enqueue(here)).isTrue();
    assertThat(queue.enqueue(there)).as("another collection's request, same id").isTrue();
    assertThat(queue.pending(FallbackFilter.all(), 10)).hasSize(2);

    Instant held = queue.lease(T0, LEASE, 10).get(0).leaseUntil().orElseThrow();
    assertThat(queue.complete(there, held)).isTrue();
    assertThat(queue.pending(FallbackFilter.all(), 10)).singleElement()
        .satisfies(op -> assertThat(op.collection()).isEqualTo(collection));
    assertThat(queue.cancel(here.requestId(), Optional.of(elsewhere))).isZero();
    assertThat(queue.enqueue(there)).isTrue();
    assertThat(queue.cancel(here.requestId(), Optional.empty())).as("in every collection").isEqualTo(2);
    assertThat(queue.pending(FallbackFilter.all(), 10)).isEmpty();
  }

  // ------------------------------------------------------------------ lease

  @Test
  void onlyDueOpsAreLeased() {
    RetryOp due = retryOp(collection, Op.CREATE, T0);
    RetryOp dueExactlyNow = retryOp(collection, Op.CREATE, T0.plusSeconds(10));
    RetryOp later = retryOp(collection, Op.CREATE, T0.plusSeconds(11));
    queue.enqueue(later);
    queue.enqueue(due);
    queue.enqueue(dueExactlyNow);

    List<RetryOp> leased = queue.lease(T0.plusSeconds(10), LEASE, 10);

    assertThat(requestIds(leased)).containsExactlyInAnyOrder(due.requestId(), dueExactlyNow.requestId());
  }

  @Test
  void aLeaseRunsForTheGivenDuration() {
    RetryOp op = retryOp(collection, Op.UPDATE, T0);
    queue.enqueue(op);
    Instant now = T0.plusSeconds(5);

    List<RetryOp> leased = queue.lease(now, LEASE, 10);

    assertThat(leased).singleElement().satisfies(held -> {
      assertThat(held.requestId()).isEqualTo(op.requestId());
      assertThat(held.leaseUntil()).contains(now.plus(LEASE));
    });
    assertThat(queue.pending(FallbackFilter.all(), 10)).singleElement()
        .satisfies(pending -> assertThat(pending.leaseUntil()).contains(now.plus(LEASE)));
  }

  @Test
  void aLeasedOpIsNotLeasedAgainUntilTheLeaseExpires() {
    RetryOp op = retryOp(collection, Op.UPDATE, T0);
    queue.enqueue(op);
    queue.lease(T0, LEASE, 10);

    assertThat(queue.lease(T0.plus(LEASE).minusMillis(1), LEASE, 10)).isEmpty();
    assertThat(requestIds(queue.lease(T0.plus(LEASE), LEASE, 10))).containsExactly(op.requestId());
  }

  @Test
  void leasingTakesAtMostMaxOpsOldestDueFirst() {
    List<String> dueOrder = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      RetryOp op = retryOp(collection, Op.CREATE, T0.plusSeconds(5 - i));
      queue.enqueue(op);
      dueOrder.add(0, op.requestId());
    }

    List<RetryOp> first = queue.lease(T0.plusSeconds(60), LEASE, 2);
    List<RetryOp> second = queue.lease(T0.plusSeconds(60), LEASE, 2);
    List<RetryOp> third = queue.lease(T0.plusSeconds(60), LEASE, 2);

    assertThat(requestIds(first)).containsExactlyInAnyOrderElementsOf(dueOrder.subList(0, 2));
    assertThat(requestIds(second)).containsExactlyInAnyOrderElementsOf(dueOrder.subList(2, 4));
    assertThat(requestIds(third)).containsExactly(dueOrder.get(4));
  }

  @Test
  void racingWorkersNeverLeaseTheSameOp() {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      RetryOp op = retryOp(collection, Op.CREATE, T0);
      queue.enqueue(op);
      all.add(op.requestId());
    }

    List<List<RetryOp>> perWorker = Race.run(THREADS, worker -> queue.lease(T0, LEASE, 3));

    List<String> leased = new ArrayList<>();
    perWorker.forEach(ops -> leased.addAll(requestIds(ops)));
    assertThat(leased).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
  }

  // ------------------------------------------------------------------ reschedule, dead letters, cancel

  @Test
  void rescheduleReleasesTheLeaseAndSetsTheNextAttempt() {
    RetryOp op = retryOp(collection, Op.UPDATE, T0);
    queue.enqueue(op);
    Instant held = leaseOne(T0);

    assertThat(queue.reschedule(op, held, 1, T0.plusSeconds(4), "timeout")).isTrue();

    RetryOp pending = queue.pending(FallbackFilter.all(), 10).get(0);
    assertThat(pending.attempts()).isEqualTo(1);
    assertThat(pending.nextAttemptAt()).isEqualTo(T0.plusSeconds(4));
    assertThat(pending.leaseUntil()).isEmpty();
    assertThat(pending.lastError()).contains("timeout");
    assertThat(queue.lease(T0.plusSeconds(3), LEASE, 10)).isEmpty();
    assertThat(requestIds(queue.lease(T0.plusSeconds(4), LEASE, 10))).containsExactly(op.requestId());
  }

  @Test
  void anUnknownRequestIdCannotBeRescheduledCompletedOrCancelled() {
    RetryOp unknown = retryOp(collection, Op.UPDATE, T0);

    assertThat(queue.reschedule(unknown, T0, 1, T0, "x")).isFalse();
    assertThat(queue.complete(unknown, T0)).isFalse();
    assertThat(queue.cancel(unknown.requestId(), Optional.of(collection))).isZero();
    assertThat(queue.cancel(unknown.requestId(), Optional.empty())).isZero();
    assertThat(queue.deadLetter(unknown, T0, 1, "d" + unique(), T0, "x")).isEmpty();
    assertThat(queue.extendLease(unknown, T0, T0.plus(LEASE))).isFalse();
    assertThat(queue.revive("d" + unique(), T0)).isFalse();
  }

  @Test
  void aDeadLetteredOpLeavesTheQueue() {
    RetryOp op = retryOp(collection, Op.DELETE, T0);
    queue.enqueue(op);
    Instant held = leaseOne(T0);
    String deadLetterId = "d" + unique();

    Optional<DeadLetter> letter = queue.deadLetter(op, held, 1, deadLetterId, T0.plusSeconds(9), "gave up");

    assertThat(letter).hasValueSatisfying(dead -> {
      assertThat(dead.deadLetterId()).isEqualTo(deadLetterId);
      assertThat(dead.failedAt()).isEqualTo(T0.plusSeconds(9));
      assertThat(dead.lastError()).isEqualTo("gave up");
      assertThat(dead.op().requestId()).isEqualTo(op.requestId());
    });
    assertThat(queue.pending(FallbackFilter.all(), 10)).isEmpty();
    assertThat(queue.lease(T0.plusSeconds(3600), LEASE, 10)).isEmpty();
    assertThat(queue.deadLetters(FallbackFilter.all(), 10)).singleElement().satisfies(dead -> {
      assertThat(dead.deadLetterId()).isEqualTo(deadLetterId);
      assertSameIdentity(dead.op(), op);
    });
  }

  @Test
  void aRevivedDeadLetterIsDueNowWithItsAttemptsReset() {
    RetryOp op = retryOp(collection, Op.ENRICH, T0);
    queue.enqueue(op);
    queue.reschedule(op, leaseOne(T0), 7, T0.plusSeconds(60), "still failing");
    String deadLetterId = "d" + unique();
    queue.deadLetter(op, leaseOne(T0.plusSeconds(60)), 7, deadLetterId, T0.plusSeconds(61), "gave up");
    Instant now = T0.plusSeconds(3600);

    assertThat(queue.revive(deadLetterId, now)).isTrue();

    assertThat(queue.deadLetters(FallbackFilter.all(), 10)).isEmpty();
    assertThat(queue.revive(deadLetterId, now)).isFalse();
    RetryOp revived = queue.pending(FallbackFilter.all(), 10).get(0);
    assertThat(revived.requestId()).isEqualTo(op.requestId());
    assertThat(revived.attempts()).isZero();
    assertThat(revived.nextAttemptAt()).isEqualTo(now);
    assertThat(revived.leaseUntil()).isEmpty();
    assertThat(requestIds(queue.lease(now, LEASE, 10))).containsExactly(op.requestId());
  }

  @Test
  void cancelRemovesAnOpEvenWhileItIsLeased() {
    RetryOp idle = retryOp(collection, Op.CREATE, T0);
    RetryOp leased = retryOp(collection, Op.CREATE, T0.minusSeconds(1));
    queue.enqueue(idle);
    queue.enqueue(leased);
    Instant held = leaseOne(T0.minusSeconds(1));

    assertThat(queue.cancel(leased.requestId(), Optional.of(leased.collection()))).isEqualTo(1);
    assertThat(queue.cancel(idle.requestId(), Optional.of(idle.collection()))).isEqualTo(1);

    assertThat(queue.pending(FallbackFilter.all(), 10)).isEmpty();
    assertThat(queue.reschedule(leased, held, 1, T0, "late worker")).isFalse();
    assertThat(queue.complete(leased, held)).isFalse();
  }

  // ------------------------------------------------------------------ fencing and per-item order

  @Test
  void onlyTheCurrentLeaseHolderCanAckAnAttempt() {
    RetryOp op = retryOp(collection, Op.UPDATE, T0);
    queue.enqueue(op);
    Instant lostLease = queue.lease(T0, LEASE, 1).get(0).leaseUntil().orElseThrow();
    // The first worker stalls past its lease; a second one takes the op over.
    Instant currentLease = queue.lease(lostLease, LEASE, 1).get(0).leaseUntil().orElseThrow();

    assertThat(queue.complete(op, lostLease)).isFalse();
    assertThat(queue.reschedule(op, lostLease, 2, T0, "late")).isFalse();
    assertThat(queue.deadLetter(op, lostLease, 3, "d" + unique(), T0, "late")).isEmpty();
    assertThat(queue.extendLease(op, lostLease, lostLease.plus(LEASE))).isFalse();
    assertThat(queue.deadLetters(FallbackFilter.all(), 10)).isEmpty();
    assertThat(queue.pending(FallbackFilter.all(), 10)).singleElement()
        .satisfies(pending -> assertThat(pending.leaseUntil()).contains(currentLease));

    assertThat(queue.complete(op, currentLease)).isTrue();
    assertThat(queue.pending(FallbackFilter.all(), 10)).isEmpty();
  }

  @Test
  void aHeartbeatMovesTheLeaseAndTheNewEndIsTheToken() {
    RetryOp op = retryOp(collection, Op.UPDATE, T0);
    queue.enqueue(op);
    Instant first = queue.lease(T0, LEASE, 1).get(0).leaseUntil().orElseThrow();
    Instant extended = first.plus(LEASE);

    assertThat(queue.extendLease(op, first, extended)).isTrue();

    assertThat(queue.lease(first, LEASE, 1)).as("still leased after the old end").isEmpty();
    assertThat(queue.reschedule(op, first, 2, T0, "old token")).isFalse();
    assertThat(queue.reschedule(op, extended, 2, T0.plusSeconds(1), "timeout")).isTrue();
    assertThat(queue.pending(FallbackFilter.all(), 10)).singleElement().satisfies(pending -> {
      assertThat(pending.attempts()).isEqualTo(2);
      assertThat(pending.leaseUntil()).isEmpty();
    });
  }

  @Test
  void aFencedDeadLetterMovesTheOpWithItsAttempts() {
    RetryOp op = retryOp(collection, Op.DELETE, T0);
    queue.enqueue(op);
    Instant held = queue.lease(T0, LEASE, 1).get(0).leaseUntil().orElseThrow();

    assertThat(queue.deadLetter(op, held, 4, "d" + unique(), T0.plusSeconds(1), "gave up")).isPresent();

    assertThat(queue.pending(FallbackFilter.all(), 10)).isEmpty();
    assertThat(queue.deadLetters(FallbackFilter.all(), 10)).singleElement().satisfies(dead -> {
      assertThat(dead.op().attempts()).as("the attempts recorded with the dead letter").isEqualTo(4);
      assertThat(dead.lastError()).isEqualTo("gave up");
    });
  }

  @Test
  void anOpWaitsForEarlierOpsOfItsItemQueuedOrDead() {
    RetryOp first = retryOp(collection, Op.UPDATE, T0);
    RetryOp second = sameItem(first, T0.plusSeconds(1));
    RetryOp third = sameItem(first, T0.plusSeconds(2));
    RetryOp otherItem = retryOp(collection, Op.UPDATE, T0.minusSeconds(5));
    List.of(third, first, second, otherItem).forEach(queue::enqueue);

    assertThat(queue.aheadOf(first)).isEmpty();
    assertThat(queue.aheadOf(second)).contains(first.requestId());
    assertThat(queue.aheadOf(third)).contains(first.requestId());
    assertThat(queue.aheadOf(otherItem)).isEmpty();

    Instant held = queue.lease(T0, LEASE, 10).stream().filter(op -> op.requestId().equals(first.requestId()))
        .findFirst().orElseThrow().leaseUntil().orElseThrow();
    queue.deadLetter(first, held, 1, "d" + unique(), T0.plusSeconds(9), "gave up");
    assertThat(queue.aheadOf(second)).as("a dead letter parks the ops behind it").contains(first.requestId());
    queue.cancel(second.requestId(), Optional.of(second.collection()));
    assertThat(queue.aheadOf(third)).contains(first.requestId());
  }

  private static RetryOp sameItem(RetryOp op, Instant enqueuedAt) {
    RetryOp other = retryOp(op.collection(), Op.UPDATE, enqueuedAt);
    return new RetryOp(other.requestId(), op.collection(), Op.UPDATE, op.itemId(), other.request(), 1, enqueuedAt,
        enqueuedAt, Optional.empty(), Optional.empty());
  }

  // ------------------------------------------------------------------ listings and counts

  @Test
  void pendingAndDeadLettersAreFilteredAndLimited() {
    RouteContext other = newCollection();
    RetryOp create = retryOp(collection, Op.CREATE, T0);
    RetryOp update = retryOp(collection, Op.UPDATE, T0.plusSeconds(1));
    RetryOp elsewhere = retryOp(other, Op.CREATE, T0.plusSeconds(2));
    RetryOp doomedHere = retryOp(collection, Op.DELETE, T0.plusSeconds(3));
    RetryOp doomedElsewhere = retryOp(other, Op.DELETE, T0.plusSeconds(4));
    // The doomed ops are queued, leased and dead-lettered before the others are queued.
    queue.enqueue(doomedHere);
    queue.deadLetter(doomedHere, leaseOne(T0.plusSeconds(3)), 1, "d" + unique(), T0.plusSeconds(10), "x");
    queue.enqueue(doomedElsewhere);
    queue.deadLetter(doomedElsewhere, leaseOne(T0.plusSeconds(4)), 1, "d" + unique(), T0.plusSeconds(11),
        "x");
    List.of(create, update, elsewhere).forEach(queue::enqueue);

    assertThat(requestIds(queue.pending(FallbackFilter.of(collection), 10)))
        .containsExactlyInAnyOrder(create.requestId(), update.requestId());
    FallbackFilter updatesHere = new FallbackFilter(
        Optional.of(collection.tenantId()), Optional.empty(), Optional.empty(), Optional.of(Op.UPDATE));
    assertThat(requestIds(queue.pending(updatesHere, 10))).containsExactly(update.requestId());
    assertThat(queue.pending(FallbackFilter.all(), 2)).hasSize(2);
    assertThat(queue.deadLetters(FallbackFilter.of(other), 10))
        .extracting(dead -> dead.op().requestId()).containsExactly(doomedElsewhere.requestId());
    assertThat(queue.deadLetters(FallbackFilter.all(), 1)).hasSize(1);
  }

  @Test
  void countsShowQueuedLeasedDeadAndTheOldestEnqueueTime() {
    RetryOp oldest = retryOp(collection, Op.CREATE, T0);
    RetryOp middle = retryOp(collection, Op.CREATE, T0.plusSeconds(1));
    RetryOp newest = retryOp(collection, Op.CREATE, T0.plusSeconds(2));
    RetryOp doomed = retryOp(collection, Op.CREATE, T0.plusSeconds(3));
    // Dead-lettered before the others are queued, so that its lease takes none of theirs.
    queue.enqueue(doomed);
    queue.deadLetter(doomed, leaseOne(T0.plusSeconds(3)), 1, "d" + unique(), T0.plusSeconds(4), "x");
    List.of(oldest, middle, newest).forEach(queue::enqueue);
    queue.lease(T0.plusSeconds(1), LEASE, 10);

    assertThat(queue.counts(T0.plusSeconds(2)))
        .isEqualTo(new RetryQueue.QueueCounts(3, 2, 1, Optional.of(T0)));
    // Once the leases run out they no longer count as leased.
    assertThat(queue.counts(T0.plusSeconds(1).plus(LEASE)))
        .isEqualTo(new RetryQueue.QueueCounts(3, 0, 1, Optional.of(T0)));
  }

  @Test
  void mutatingAReturnedRequestDoesNotChangeTheQueuedOp() {
    queue.enqueue(retryOp(collection, Op.CREATE, T0));

    queue.pending(FallbackFilter.all(), 10).get(0).request().removeAll();
    queue.lease(T0, LEASE, 10).get(0).request().removeAll();

    assertThat(queue.pending(FallbackFilter.all(), 10).get(0).request().has("document")).isTrue();
  }

  /** Leases the one op due at {@code now} and returns its lease, the token that ends its attempt. */
  private Instant leaseOne(Instant now) {
    List<RetryOp> leased = queue.lease(now, LEASE, 10);
    assertThat(leased).as("the ops due at %s", now).hasSize(1);
    return leased.get(0).leaseUntil().orElseThrow();
  }

  private static void assertSameOp(RetryOp actual, RetryOp expected) {
    assertSameIdentity(actual, expected);
    assertThat(actual.attempts()).isEqualTo(expected.attempts());
    assertThat(actual.nextAttemptAt()).isEqualTo(expected.nextAttemptAt());
    assertThat(actual.leaseUntil()).isEqualTo(expected.leaseUntil());
    assertThat(actual.lastError()).isEqualTo(expected.lastError());
  }

  /** The parts of an op that never change while it waits: identity, target and request. */
  private static void assertSameIdentity(RetryOp actual, RetryOp expected) {
    assertThat(actual.requestId()).isEqualTo(expected.requestId());
    assertThat(actual.collection()).isEqualTo(expected.collection());
    assertThat(actual.op()).isEqualTo(expected.op());
    assertThat(actual.itemId()).isEqualTo(expected.itemId());
    assertThat(actual.enqueuedAt()).isEqualTo(expected.enqueuedAt());
    SameRecords.assertSameJson(actual.request(), expected.request(), "request of " + expected.requestId());
  }

  private static List<String> requestIds(List<RetryOp> ops) {
    return ops.stream().map(RetryOp::requestId).toList();
  }
}
