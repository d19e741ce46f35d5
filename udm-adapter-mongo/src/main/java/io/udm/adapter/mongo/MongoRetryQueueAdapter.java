package io.udm.adapter.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.udm.api.FallbackFilter;
import io.udm.api.RouteContext;
import io.udm.spi.DeadLetter;
import io.udm.spi.RetryOp;
import io.udm.spi.RetryQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * The retry queue ({@code _id} = {@code tenant/db/collection/requestId}) and its dead letters ({@code _id} = dead letter id), two
 * collections on the counters MongoDB. A lease is one {@code findOneAndUpdate} on a due op whose
 * lease is absent or expired (at {@code leaseUntil} itself), so two workers never lease the same op.
 * Moving between the collections inserts on the target first and then deletes from the source: a
 * crash in between leaves a duplicate, never a loss, and a source that vanished meanwhile (cancelled,
 * completed) undoes the insert. Such a duplicate parks none of its item's later ops while the op is
 * queued (the queued copy is the live one), and dead-lettering the op again reuses its dead letter.
 */
public final class MongoRetryQueueAdapter implements RetryQueue {
  static final String COLLECTION = "retry_queue";
  private static final Bson DUE_ORDER = Sorts.ascending(
      RetryOpDocuments.NEXT_ATTEMPT_AT, RetryOpDocuments.ENQUEUED_AT, RetryOpDocuments.ID);
  private static final Bson QUEUE_ORDER = Sorts.ascending(RetryOpDocuments.ENQUEUED_AT, RetryOpDocuments.ID);
  private static final Bson DEAD_ORDER = Sorts.ascending(RetryOpDocuments.FAILED_AT, RetryOpDocuments.ID);

  private final MongoCollection<BsonDocument> queue;
  private final MongoCollection<BsonDocument> dead;
  private final MongoErrors errors;

  MongoRetryQueueAdapter(MongoCollection<BsonDocument> queue, MongoCollection<BsonDocument> dead, MongoErrors errors) {
    this.queue = queue;
    this.dead = dead;
    this.errors = errors;
  }

  /**
   * Every lookup the queue and the dead letters make has an index on a real MongoDB: the worker's
   * due ops, an item's earlier ops (per-item order), a cancel by request id, the leased count, and
   * a dead letter by its op.
   */
  void createIndexes() {
    errors.run("create the indexes of '" + queue.getNamespace().getCollectionName() + "'", () -> {
      queue.createIndex(Indexes.ascending(
          RetryOpDocuments.NEXT_ATTEMPT_AT, RetryOpDocuments.ENQUEUED_AT, RetryOpDocuments.ID), new IndexOptions().name("due"));
      queue.createIndex(Indexes.ascending(RetryOpDocuments.ENQUEUED_AT, RetryOpDocuments.ID), new IndexOptions().name("enqueued"));
      queue.createIndex(itemOrder(""), new IndexOptions().name("item_order"));
      queue.createIndex(Indexes.ascending(RetryOpDocuments.REQUEST_ID), new IndexOptions().name("request"));
      queue.createIndex(Indexes.ascending(RetryOpDocuments.LEASE_UNTIL), new IndexOptions().name("leased").sparse(true));
    });
    errors.run("create the indexes of '" + dead.getNamespace().getCollectionName() + "'", () -> {
      dead.createIndex(Indexes.ascending(RetryOpDocuments.FAILED_AT, RetryOpDocuments.ID), new IndexOptions().name("failed"));
      dead.createIndex(Indexes.ascending(RetryOpDocuments.DEAD_OP + "." + RetryOpDocuments.ID), new IndexOptions().name("op"));
      dead.createIndex(itemOrder(RetryOpDocuments.DEAD_OP + "."), new IndexOptions().name("item_order"));
    });
    errors.run("rekey the ops queued by an earlier release", this::rekeyBareRequestIds);
  }

  /**
   * Ops queued by releases that keyed the queue by the bare request id move to their per-collection
   * key (insert first, then delete: a crash in between leaves the op twice, never not at all; the
   * next open finishes it).
   */
  /** An item's ops in queue order: what {@link #aheadOf} asks for, under {@code prefix} (the op of a dead letter). */
  private static org.bson.conversions.Bson itemOrder(String prefix) {
    return Indexes.ascending(prefix + RecordFields.TENANT, prefix + RecordFields.DB, prefix + RecordFields.COLLECTION,
        prefix + "itemId", prefix + RetryOpDocuments.ENQUEUED_AT, prefix + RetryOpDocuments.ID);
  }

  private void rekeyBareRequestIds() {
    for (BsonDocument old : queue.find(Filters.exists(RetryOpDocuments.REQUEST_ID, false))) {
      RetryOp op = RetryOpDocuments.toRecord(old);
      insertUnlessTaken(queue, RetryOpDocuments.toDocument(op));
      queue.deleteOne(Filters.eq(RetryOpDocuments.ID, old.get(RetryOpDocuments.ID)));
    }
  }

  @Override
  public boolean enqueue(RetryOp op) {
    Objects.requireNonNull(op, "op");
    BsonDocument doc = RetryOpDocuments.toDocument(op);
    return errors.call("enqueue request " + op.requestId(), () -> insertUnlessTaken(queue, doc));
  }

  @Override
  public List<RetryOp> lease(Instant now, Duration leaseFor, int max) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(leaseFor, "leaseFor");
    if (max < 1) {
      throw new IllegalArgumentException("lease at least 1 op, asked for " + max);
    }
    Bson dueAndFree = Filters.and(
        Filters.lte(RetryOpDocuments.NEXT_ATTEMPT_AT, BsonJson.date(now)),
        Filters.or(
            Filters.eq(RetryOpDocuments.LEASE_UNTIL, null),
            Filters.lte(RetryOpDocuments.LEASE_UNTIL, BsonJson.date(now))));
    Instant leaseUntil = now.plus(leaseFor);
    Bson takeLease = Updates.set(RetryOpDocuments.LEASE_UNTIL, BsonJson.date(leaseUntil));
    // The document before the update, with the lease we set: mongo-java-server's "after" document
    // is its live copy, which a racing update may change before it is sent.
    FindOneAndUpdateOptions oldestDueFirst = new FindOneAndUpdateOptions().sort(DUE_ORDER).returnDocument(ReturnDocument.BEFORE);
    return errors.call("lease queued ops", () -> {
      List<RetryOp> leased = new ArrayList<>();
      while (leased.size() < max) {
        BsonDocument doc = queue.findOneAndUpdate(dueAndFree, takeLease, oldestDueFirst);
        if (doc == null) {
          break;
        }
        RetryOp op = RetryOpDocuments.toRecord(doc);
        leased.add(new RetryOp(op.requestId(), op.collection(), op.op(), op.itemId(), op.request(), op.attempts(),
            op.enqueuedAt(), op.nextAttemptAt(), Optional.of(leaseUntil), op.lastError()));
      }
      return leased;
    });
  }

  private boolean reschedule(Bson which, String requestId, int attempts, Instant nextAttemptAt, String error) {
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Bson update = Updates.combine(
        Updates.set(RetryOpDocuments.ATTEMPTS, attempts),
        Updates.set(RetryOpDocuments.NEXT_ATTEMPT_AT, BsonJson.date(nextAttemptAt)),
        Updates.unset(RetryOpDocuments.LEASE_UNTIL),
        error == null ? Updates.unset(RetryOpDocuments.LAST_ERROR) : Updates.set(RetryOpDocuments.LAST_ERROR, error));
    return errors.call("reschedule request " + requestId,
        () -> queue.updateOne(which, update).getMatchedCount() > 0);
  }

  private Optional<DeadLetter> deadLetter(
      Bson which, String requestId, int attempts, String deadLetterId, Instant failedAt, String error) {
    Objects.requireNonNull(deadLetterId, "deadLetterId");
    Objects.requireNonNull(failedAt, "failedAt");
    return errors.call("move request " + requestId + " to the dead letters", () -> {
      BsonDocument queued = queue.find(which).first();
      if (queued == null) {
        return Optional.<DeadLetter>empty();
      }
      RetryOp op = RetryOpDocuments.toRecord(queued);
      RetryOp finalState = new RetryOp(
          op.requestId(), op.collection(), op.op(), op.itemId(), op.request(), attempts,
          op.enqueuedAt(), op.nextAttemptAt(), Optional.empty(), Optional.ofNullable(error));
      BsonDocument earlier = dead.find(deadLetterOf(queued.get(RetryOpDocuments.ID))).first();
      if (earlier != null) {
        // A move to the dead letters (or a revival) that crashed halfway left the op in both: the
        // dead letter it already has takes the final state, and the queued copy goes.
        DeadLetter kept = new DeadLetter(RecordFields.string(earlier, RetryOpDocuments.ID), finalState, failedAt, error);
        dead.replaceOne(Filters.eq(RetryOpDocuments.ID, earlier.get(RetryOpDocuments.ID)), RetryOpDocuments.toDocument(kept));
        return queue.deleteOne(which).getDeletedCount() == 0 ? Optional.<DeadLetter>empty() : Optional.of(kept);
      }
      DeadLetter letter = new DeadLetter(deadLetterId, finalState, failedAt, error);
      if (!insertUnlessTaken(dead, RetryOpDocuments.toDocument(letter))) {
        throw new IllegalStateException("dead letter id " + deadLetterId + " is taken; the op stays queued");
      }
      if (queue.deleteOne(which).getDeletedCount() == 0) {
        deleteById(dead, deadLetterId); // Completed, cancelled or leased by another worker meanwhile: nothing is dead.
        return Optional.<DeadLetter>empty();
      }
      return Optional.of(letter);
    });
  }

  @Override
  public boolean revive(String deadLetterId, Instant now) {
    Objects.requireNonNull(now, "now");
    return errors.call("revive dead letter " + deadLetterId, () -> {
      BsonDocument doc = dead.find(Filters.eq(RetryOpDocuments.ID, deadLetterId)).first();
      if (doc == null) {
        return false;
      }
      RetryOp op = RetryOpDocuments.toDeadLetter(doc).op();
      RetryOp revived = new RetryOp(
          op.requestId(), op.collection(), op.op(), op.itemId(), op.request(), 0, op.enqueuedAt(), now,
          Optional.empty(), op.lastError());
      if (!insertUnlessTaken(queue, RetryOpDocuments.toDocument(revived))) {
        return false; // The request is queued already; the dead letter stays.
      }
      deleteById(dead, deadLetterId);
      return true;
    });
  }

  @Override
  public boolean extendLease(RetryOp op, Instant heldLease, Instant newLeaseUntil) {
    Objects.requireNonNull(newLeaseUntil, "newLeaseUntil");
    return errors.call("extend the lease of request " + op.requestId(), () -> queue.updateOne(
        leaseHeld(op, heldLease), Updates.set(RetryOpDocuments.LEASE_UNTIL, BsonJson.date(newLeaseUntil)))
        .getMatchedCount() > 0);
  }

  @Override
  public boolean complete(RetryOp op, Instant heldLease) {
    return errors.call("complete request " + op.requestId(), () -> {
      if (queue.deleteOne(leaseHeld(op, heldLease)).getDeletedCount() == 0) {
        return false;
      }
      // A dead letter of the op left by a crashed move between the two collections is stale now.
      dead.deleteMany(deadLetterOf(new BsonString(RetryOpDocuments.id(op))));
      return true;
    });
  }

  @Override
  public boolean reschedule(RetryOp op, Instant heldLease, int attempts, Instant nextAttemptAt, String error) {
    return reschedule(leaseHeld(op, heldLease), op.requestId(), attempts, nextAttemptAt, error);
  }

  @Override
  public Optional<DeadLetter> deadLetter(
      RetryOp op, Instant heldLease, int attempts, String deadLetterId, Instant failedAt, String error) {
    return deadLetter(leaseHeld(op, heldLease), op.requestId(), attempts, deadLetterId, failedAt, error);
  }

  @Override
  public Optional<String> aheadOf(RetryOp op) {
    if (op.itemId().isEmpty()) {
      return Optional.empty();
    }
    return errors.call("look for earlier ops of item " + op.itemId().get(), () -> {
      BsonDocument queued = queue.find(earlierOnItem(op, "")).sort(QUEUE_ORDER).first();
      if (queued != null) {
        return Optional.of(RetryOpDocuments.requestId(queued));
      }
      // A dead letter whose op is queued too (a move between the two that crashed halfway) parks
      // nothing: the queued copy is the live one.
      for (BsonDocument parked : dead.find(earlierOnItem(op, RetryOpDocuments.DEAD_OP + "."))) {
        BsonDocument parkedOp = parked.getDocument(RetryOpDocuments.DEAD_OP);
        if (queue.find(Filters.eq(RetryOpDocuments.ID, parkedOp.get(RetryOpDocuments.ID))).first() == null) {
          return Optional.of(RetryOpDocuments.requestId(parkedOp));
        }
      }
      return Optional.<String>empty();
    });
  }

  /** Ops of {@code op}'s item (at {@code prefix} in the document) that come before it in queue order. */
  private static Bson earlierOnItem(RetryOp op, String prefix) {
    return Filters.and(
        Filters.eq(prefix + RecordFields.TENANT, op.collection().tenantId()),
        Filters.eq(prefix + RecordFields.DB, op.collection().dbName()),
        Filters.eq(prefix + RecordFields.COLLECTION, op.collection().collection()),
        Filters.eq(prefix + "itemId", op.itemId().orElseThrow()),
        Filters.ne(prefix + RetryOpDocuments.ID, RetryOpDocuments.id(op)),
        Filters.or(
            Filters.lt(prefix + RetryOpDocuments.ENQUEUED_AT, BsonJson.date(op.enqueuedAt())),
            Filters.and(
                Filters.eq(prefix + RetryOpDocuments.ENQUEUED_AT, BsonJson.date(op.enqueuedAt())),
                Filters.lt(prefix + RetryOpDocuments.ID, RetryOpDocuments.id(op)))));
  }

  /** The dead letters of the queued op with this _id. */
  private static Bson deadLetterOf(BsonValue queuedId) {
    return Filters.eq(RetryOpDocuments.DEAD_OP + "." + RetryOpDocuments.ID, queuedId);
  }

  private static Bson leaseHeld(RetryOp op, Instant heldLease) {
    Objects.requireNonNull(heldLease, "heldLease");
    return Filters.and(Filters.eq(RetryOpDocuments.ID, RetryOpDocuments.id(op)),
        Filters.eq(RetryOpDocuments.LEASE_UNTIL, BsonJson.date(heldLease)));
  }

  @Override
  public long cancel(String requestId, Optional<RouteContext> in) {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(in, "in");
    Bson which = in.isPresent()
        ? Filters.eq(RetryOpDocuments.ID, Keys.request(in.get(), requestId))
        : Filters.eq(RetryOpDocuments.REQUEST_ID, requestId);
    return errors.call("cancel request " + requestId, () -> queue.deleteMany(which).getDeletedCount());
  }

  @Override
  public List<RetryOp> pending(FallbackFilter filter, int limit) {
    Objects.requireNonNull(filter, "filter");
    if (limit < 1) {
      return List.of(); // A limit of 0 means "no limit" to MongoDB.
    }
    return errors.call("list queued ops", () -> {
      List<RetryOp> out = new ArrayList<>();
      queue.find(RetryOpDocuments.matching(filter, "")).sort(QUEUE_ORDER).limit(limit)
          .forEach(doc -> out.add(RetryOpDocuments.toRecord(doc)));
      return out;
    });
  }

  @Override
  public List<DeadLetter> deadLetters(FallbackFilter filter, int limit) {
    Objects.requireNonNull(filter, "filter");
    if (limit < 1) {
      return List.of();
    }
    return errors.call("list dead letters", () -> {
      List<DeadLetter> out = new ArrayList<>();
      dead.find(RetryOpDocuments.matching(filter, RetryOpDocuments.DEAD_OP + ".")).sort(DEAD_ORDER).limit(limit)
          .forEach(doc -> out.add(RetryOpDocuments.toDeadLetter(doc)));
      return out;
    });
  }

  @Override
  public QueueCounts counts(Instant now) {
    Objects.requireNonNull(now, "now");
    return errors.call("count queued ops", () -> {
      long queued = queue.countDocuments();
      long leased = queue.countDocuments(Filters.gt(RetryOpDocuments.LEASE_UNTIL, BsonJson.date(now)));
      long deadLetters = dead.countDocuments();
      Optional<BsonDocument> oldest = Optional.ofNullable(queue.find()
          .sort(QUEUE_ORDER).projection(Projections.include(RetryOpDocuments.ENQUEUED_AT)).first());
      return new QueueCounts(queued, leased, deadLetters,
          oldest.map(doc -> BsonJson.instant(doc.get(RetryOpDocuments.ENQUEUED_AT))));
    });
  }

  /** Inserts; false when the _id is taken. */
  private static boolean insertUnlessTaken(MongoCollection<BsonDocument> collection, BsonDocument doc) {
    try {
      collection.insertOne(doc);
      return true;
    } catch (MongoException e) {
      if (MongoErrors.isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  private static boolean deleteById(MongoCollection<BsonDocument> collection, String id) {
    return collection.deleteOne(Filters.eq(RetryOpDocuments.ID, id)).getDeletedCount() > 0;
  }
}
