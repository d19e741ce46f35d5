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
 * What the {@code RetryQueueContract} ({@code contract.MongoContracts}) does not show about the
 * Mongo retry queue: moves between its two collections that cannot complete, what a dead letter
 * keeps, completing a leased op, MongoDB's "limit 0 means no limit", and ops queued by an earlier
 * release under their bare request id.
 */
class MongoRetryQueueAdapterTest {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static InJvmMongo mongo;
  private static MongoCountersStorage storage;

  private RetryQueue queue;
  private String deadLetters;
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
    deadLetters = "dead_" + unique();
    queue = storage.retryQueue("q_" + unique(), deadLetters);
  }

  @Test
  void aDeadLetterKeepsTheOpsAttemptsAndItsFinalError() {
    RetryOp op = retryOp(collection, Op.DELETE, T0);
    queue.enqueue(op);
    queue.reschedule(op, leaseOne(T0), 7, T0.plusSeconds(60), "still failing");

    Optional<DeadLetter> letter =
        queue.deadLetter(op, leaseOne(T0.plusSeconds(60)), 7, "d" + unique(), T0.plusSeconds(61), "gave up");

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
    queue.deadLetter(first, held, 1, "d-same", T0, "x");

    assertThatThrownBy(() -> queue.deadLetter(second, held, 1, "d-same", T0, "x"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(queue.pending(FallbackFilter.all(), 10)).extracting(RetryOp::requestId).containsExactly(second.requestId());
  }

  @Test
  void reviveRefusesWhileTheRequestIsQueuedAgain() {
    RetryOp op = retryOp(collection, Op.CREATE, T0);
    queue.enqueue(op);
    queue.deadLetter(op, leaseOne(T0), 1, "d1", T0, "x");
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

    assertThat(queue.cancel(cancelled.requestId(), Optional.of(cancelled.collection()))).isEqualTo(1);
    assertThat(queue.complete(completed, held)).isTrue();
    assertThat(queue.cancel(cancelled.requestId(), Optional.of(cancelled.collection()))).isZero();
    assertThat(queue.reschedule(cancelled, held, 1, T0, "late")).isFalse();
    assertThat(queue.deadLetter(completed, held, 1, "d" + unique(), T0, "late")).isEmpty();
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
    queue.deadLetter(op, leaseOne(T0), 1, "d" + unique(), T0, "x");
    queue.enqueue(retryOp(collection, Op.CREATE, T0));

    assertThat(queue.pending(FallbackFilter.all(), 0)).isEmpty();
    assertThat(queue.deadLetters(FallbackFilter.all(), 0)).isEmpty();
  }

  /** Earlier releases keyed the queue by the bare request id; opening the queue rekeys such ops, losing none. */
  @Test
  void anOpQueuedUnderItsBareRequestIdIsRekeyedAndRunsToCompletion() {
    String queueName = "q_" + unique();
    String deadName = "dead_" + unique();
    RetryOp op = retryOp(collection, Op.UPDATE, T0);
    org.bson.BsonDocument legacy = RetryOpDocuments.toDocument(op);
    legacy.put(RetryOpDocuments.ID, new org.bson.BsonString(op.requestId()));
    legacy.remove(RetryOpDocuments.REQUEST_ID);
    try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(mongo.uri())) {
      client.getDatabase("queue_test").getCollection(queueName, org.bson.BsonDocument.class).insertOne(legacy);
    }

    RetryQueue reopened = storage.retryQueue(queueName, deadName);

    List<RetryOp> leased = reopened.lease(T0, LEASE, 10);
    assertThat(leased).singleElement().satisfies(found -> {
      assertThat(found.requestId()).isEqualTo(op.requestId());
      assertThat(found.collection()).isEqualTo(collection);
    });
    assertThat(reopened.complete(leased.get(0), leased.get(0).leaseUntil().orElseThrow())).isTrue();
    assertThat(reopened.pending(FallbackFilter.all(), 10)).isEmpty();
  }

  /**
   * A move to the dead letters that crashed after its insert left the op queued and dead-lettered:
   * the dead letter parks none of the item's later ops while the op is queued, and dead-lettering
   * the op again reuses it rather than making a second.
   */
  @Test
  void anOpLeftBothQueuedAndDeadByACrashParksNothingAndDiesOnce() {
    RetryOp first = retryOp(collection, Op.UPDATE, T0);
    RetryOp later = laterOnTheSameItem(first);
    queue.enqueue(first);
    queue.enqueue(later);
    // What a crash between the insert into the dead letters and the delete from the queue leaves.
    insertDeadLetterOnly(new DeadLetter("dl-crashed", first, T0, "crashed"));

    assertThat(queue.aheadOf(later)).as("the queued copy of the first op is ahead").contains(first.requestId());
    Instant held = queue.lease(T0, LEASE, 1).get(0).leaseUntil().orElseThrow();
    assertThat(queue.deadLetter(first, held, 3, "dl-again", T0.plusSeconds(5), "gave up")).hasValueSatisfying(
        letter -> assertThat(letter.deadLetterId()).isEqualTo("dl-crashed"));
    assertThat(queue.deadLetters(FallbackFilter.all(), 10)).singleElement()
        .satisfies(letter -> assertThat(letter.lastError()).isEqualTo("gave up"));
    assertThat(queue.aheadOf(later)).as("now truly dead: it parks the later op").contains(first.requestId());
  }

  /**
   * A revival that crashed after its insert left the op queued and still dead: once the queued copy
   * completes, the stale dead letter goes with it and holds back none of the item's later ops.
   */
  @Test
  void anOpCompletedWhileAStaleDeadLetterOfItRemainedTakesItAlong() {
    RetryOp first = retryOp(collection, Op.UPDATE, T0);
    RetryOp later = laterOnTheSameItem(first);
    queue.enqueue(first);
    insertDeadLetterOnly(new DeadLetter("dl-stale", first, T0, "crashed"));
    queue.enqueue(later);
    Instant held = queue.lease(T0, LEASE, 1).get(0).leaseUntil().orElseThrow();

    assertThat(queue.complete(first, held)).isTrue();

    assertThat(queue.deadLetters(FallbackFilter.all(), 10)).isEmpty();
    assertThat(queue.aheadOf(later)).isEmpty();
  }

  private static RetryOp laterOnTheSameItem(RetryOp first) {
    return new RetryOp("r" + unique(), first.collection(), Op.UPDATE, first.itemId(), first.request(), 0,
        first.enqueuedAt().plusSeconds(1), first.enqueuedAt().plusSeconds(1), Optional.empty(), Optional.empty());
  }

  private void insertDeadLetterOnly(DeadLetter letter) {
    try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(mongo.uri())) {
      client.getDatabase("queue_test").getCollection(deadLetters, org.bson.BsonDocument.class)
          .insertOne(RetryOpDocuments.toDocument(letter));
    }
  }
}
