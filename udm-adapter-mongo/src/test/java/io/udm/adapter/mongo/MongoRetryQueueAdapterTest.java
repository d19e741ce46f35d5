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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the {@code RetryQueueContract} ({@code contract.MongoRetryQueueContractTest}) does not show
 * about the Mongo retry queue: moves between its two collections that cannot complete, what a dead
 * letter keeps, completing a leased op, and MongoDB's "limit 0 means no limit".
 */
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
  void aDeadLetterKeepsTheOpsAttemptsAndItsFinalError() {
    RetryOp op = retryOp(collection, Op.DELETE, T0);
    queue.enqueue(op);
    queue.reschedule(op.requestId(), leaseOne(T0), 7, T0.plusSeconds(60), "still failing");

    Optional<DeadLetter> letter =
        queue.deadLetter(op.requestId(), leaseOne(T0.plusSeconds(60)), 7, "d" + unique(), T0.plusSeconds(61), "gave up");

    assertThat(letter).hasValueSatisfying(dead -> {
      assertThat(dead.op().attempts()).isEqualTo(7);
      assertThat(dead.op().lastError()).contains("gave up");
      assertThat(dead.lastError()).isEqualTo("gave up");
    });
    assertThat(queue.deadLetters(FallbackFilter.all(), 10)).containsExactly(letter.get());
  }

  @Test
  void aTakenDeadLetterIdLeavesTheOpQueued() {
    RetryOp first = retryOp(collection, Op.CREATE, T0);
    RetryOp second = retryOp(collection, Op.CREATE, T0);
    queue.enqueue(first);
    queue.enqueue(second);
    Instant held = queue.lease(T0, LEASE, 10).get(0).leaseUntil().orElseThrow();
    queue.deadLetter(first.requestId(), held, 1, "d-same", T0, "x");

    assertThatThrownBy(() -> queue.deadLetter(second.requestId(), held, 1, "d-same", T0, "x"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(queue.pending(FallbackFilter.all(), 10)).extracting(RetryOp::requestId).containsExactly(second.requestId());
  }

  @Test
  void reviveRefusesWhileTheRequestIsQueuedAgain() {
    RetryOp op = retryOp(collection, Op.CREATE, T0);
    queue.enqueue(op);
    queue.deadLetter(op.requestId(), leaseOne(T0), 1, "d1", T0, "x");
    queue.enqueue(op);

    assertThat(queue.revive("d1", T0)).isFalse();
    assertThat(queue.deadLetters(FallbackFilter.all(), 10)).hasSize(1);
  }

  @Test
  void aCancelledOrCompletedOpCanNoLongerBeEndedByItsWorker() {
    RetryOp cancelled = retryOp(collection, Op.CREATE, T0);
    RetryOp completed = retryOp(collection, Op.CREATE, T0);
    queue.enqueue(cancelled);
    queue.enqueue(completed);
    Instant held = queue.lease(T0, LEASE, 10).get(0).leaseUntil().orElseThrow();

    assertThat(queue.cancel(cancelled.requestId())).isTrue();
    assertThat(queue.complete(completed.requestId(), held)).isTrue();
    assertThat(queue.cancel(cancelled.requestId())).isFalse();
    assertThat(queue.reschedule(cancelled.requestId(), held, 1, T0, "late")).isFalse();
    assertThat(queue.deadLetter(completed.requestId(), held, 1, "d" + unique(), T0, "late")).isEmpty();
    assertThat(queue.pending(FallbackFilter.all(), 10)).isEmpty();
  }

  /** Leases the one op due at {@code now} and returns its lease, the token that ends its attempt. */
  private Instant leaseOne(Instant now) {
    List<RetryOp> leased = queue.lease(now, LEASE, 10);
    assertThat(leased).hasSize(1);
    return leased.get(0).leaseUntil().orElseThrow();
  }

  @Test
  void aLimitOfZeroListsNothingRatherThanEverything() {
    RetryOp op = retryOp(collection, Op.CREATE, T0);
    queue.enqueue(op);
    queue.deadLetter(op.requestId(), leaseOne(T0), 1, "d" + unique(), T0, "x");
    queue.enqueue(retryOp(collection, Op.CREATE, T0));

    assertThat(queue.pending(FallbackFilter.all(), 0)).isEmpty();
    assertThat(queue.deadLetters(FallbackFilter.all(), 0)).isEmpty();
  }
}
