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
    queue.reschedule(op.requestId(), 7, T0.plusSeconds(60), "still failing");

    Optional<DeadLetter> letter = queue.deadLetter(op.requestId(), "d" + unique(), T0.plusSeconds(61), "gave up");

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
  void aLimitOfZeroListsNothingRatherThanEverything() {
    RetryOp op = retryOp(collection, Op.CREATE, T0);
    queue.enqueue(op);
    queue.deadLetter(op.requestId(), "d" + unique(), T0, "x");
    queue.enqueue(retryOp(collection, Op.CREATE, T0));

    assertThat(queue.pending(FallbackFilter.all(), 0)).isEmpty();
    assertThat(queue.deadLetters(FallbackFilter.all(), 0)).isEmpty();
  }
}
