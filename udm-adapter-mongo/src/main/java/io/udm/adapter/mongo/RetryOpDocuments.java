package io.udm.adapter.mongo;

import com.mongodb.client.model.Filters;
import io.udm.api.FallbackFilter;
import io.udm.api.Op;
import io.udm.spi.DeadLetter;
import io.udm.spi.RetryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.conversions.Bson;

/**
 * A {@link RetryOp} as a queue document ({@code _id} = {@code tenant/db/collection/requestId}, so a
 * request id is queued once per collection, {@code requestId}, scope fields, {@code operation},
 * {@code itemId}, {@code request} as a sub-document, {@code attempts}, {@code enqueuedAt}, {@code
 * nextAttemptAt}, {@code leaseUntil} only while leased, {@code lastError}), and a {@link DeadLetter}
 * as {@code {_id: deadLetterId, op: <the queue document>, failedAt, lastError}}.
 */
final class RetryOpDocuments {
  static final String ID = "_id";
  static final String REQUEST_ID = "requestId";
  static final String OPERATION = "operation";
  static final String ENQUEUED_AT = "enqueuedAt";
  static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
  static final String LEASE_UNTIL = "leaseUntil";
  static final String ATTEMPTS = "attempts";
  static final String LAST_ERROR = "lastError";
  static final String DEAD_OP = "op";
  static final String FAILED_AT = "failedAt";

  private RetryOpDocuments() {}

  static BsonDocument toDocument(RetryOp op) {
    BsonDocument doc = new BsonDocument(ID, new BsonString(id(op)))
        .append(REQUEST_ID, new BsonString(op.requestId()));
    RecordFields.putScope(doc, op.collection());
    doc.append(OPERATION, new BsonString(op.op().name()));
    RecordFields.putOptional(doc, "itemId", op.itemId());
    doc.append("request", BsonJson.toDocument(op.request()))
        .append(ATTEMPTS, new BsonInt32(op.attempts()))
        .append(ENQUEUED_AT, BsonJson.date(op.enqueuedAt()))
        .append(NEXT_ATTEMPT_AT, BsonJson.date(op.nextAttemptAt()));
    op.leaseUntil().ifPresent(until -> doc.append(LEASE_UNTIL, BsonJson.date(until)));
    RecordFields.putOptional(doc, LAST_ERROR, op.lastError());
    return doc;
  }

  static RetryOp toRecord(BsonDocument doc) {
    return new RetryOp(
        requestId(doc),
        RecordFields.scope(doc),
        Op.valueOf(RecordFields.string(doc, OPERATION)),
        RecordFields.optionalString(doc, "itemId"),
        BsonJson.toObject(doc.getDocument("request")),
        doc.getNumber(ATTEMPTS).intValue(),
        BsonJson.instant(doc.get(ENQUEUED_AT)),
        BsonJson.instant(doc.get(NEXT_ATTEMPT_AT)),
        RecordFields.optionalInstant(doc, LEASE_UNTIL),
        RecordFields.optionalString(doc, LAST_ERROR));
  }

  /** The queue document's _id of {@code op}. */
  static String id(RetryOp op) {
    return Keys.request(op.collection(), op.requestId());
  }

  /** The request id; documents queued by earlier releases had it as their _id. */
  static String requestId(BsonDocument doc) {
    return doc.containsKey(REQUEST_ID) ? RecordFields.string(doc, REQUEST_ID) : RecordFields.string(doc, ID);
  }

  static BsonDocument toDocument(DeadLetter letter) {
    BsonDocument doc = new BsonDocument(ID, new BsonString(letter.deadLetterId()))
        .append(DEAD_OP, toDocument(letter.op()))
        .append(FAILED_AT, BsonJson.date(letter.failedAt()));
    RecordFields.putOptional(doc, LAST_ERROR, Optional.ofNullable(letter.lastError()));
    return doc;
  }

  static DeadLetter toDeadLetter(BsonDocument doc) {
    return new DeadLetter(
        RecordFields.string(doc, ID),
        toRecord(doc.getDocument(DEAD_OP)),
        BsonJson.instant(doc.get(FAILED_AT)),
        RecordFields.optionalString(doc, LAST_ERROR).orElse(null));
  }

  /** The filter's parts on an op document found at {@code prefix} ("" in the queue, "op." in dead letters). */
  static Bson matching(FallbackFilter filter, String prefix) {
    List<Bson> parts = new ArrayList<>();
    filter.tenantId().ifPresent(tenant -> parts.add(Filters.eq(prefix + RecordFields.TENANT, tenant)));
    filter.dbName().ifPresent(db -> parts.add(Filters.eq(prefix + RecordFields.DB, db)));
    filter.collection().ifPresent(collection -> parts.add(Filters.eq(prefix + RecordFields.COLLECTION, collection)));
    filter.op().ifPresent(op -> parts.add(Filters.eq(prefix + OPERATION, op.name())));
    return parts.isEmpty() ? new BsonDocument() : Filters.and(parts);
  }
}
