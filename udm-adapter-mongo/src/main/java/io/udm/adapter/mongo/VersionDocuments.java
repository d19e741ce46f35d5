package io.udm.adapter.mongo;

import io.udm.api.Op;
import io.udm.spi.ItemKey;
import io.udm.spi.VersionRecord;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;

/**
 * A {@link VersionRecord} as a {@code versions} document: {@code _id} = {@code
 * tenant/db/collection/objectId/ov}, {@code item} = the head's key and {@code ov} (unique together),
 * and {@code requestKey} = {@code tenant/db/collection/requestId} only when the version has a request
 * id (unique, sparse: versions without one never collide on it). A payload kept inline is the
 * string field {@code payload}: the stored JSON as written, so a reader gets the same bytes back.
 */
final class VersionDocuments {
  static final String ID = "_id";
  static final String ITEM = "item";
  static final String OV = "ov";
  static final String AT = "at";
  static final String REQUEST_KEY = "requestKey";
  static final String CV = "cv";
  static final String CV_DRAWN_AT = "cvDrawnAt";
  static final String WRITE_ID = "writeId";
  static final String OBJECT_ID = "objectId";

  private VersionDocuments() {}

  static BsonDocument toDocument(VersionRecord version) {
    BsonDocument doc = new BsonDocument(ID, new BsonString(Keys.version(version.key(), version.ov())));
    RecordFields.putScope(doc, version.key().collection());
    doc.append(OBJECT_ID, new BsonString(version.key().objectId()))
        .append(ITEM, new BsonString(Keys.item(version.key())))
        .append(OV, new BsonInt64(version.ov()))
        .append("cv", new BsonInt64(version.cv()))
        .append(AT, BsonJson.date(version.at()))
        .append("op", new BsonString(version.op().name()));
    RecordFields.putOptional(doc, "actor", version.actor());
    RecordFields.putOptional(doc, "reason", version.reason());
    RecordFields.putOptional(doc, "functionId", version.functionId());
    RecordFields.putOptional(doc, "requestId", version.requestId());
    version.requestId().ifPresent(requestId ->
        doc.append(REQUEST_KEY, new BsonString(Keys.request(version.key().collection(), requestId))));
    RecordFields.putOptional(doc, "requestHash", version.requestHash());
    RecordFields.putOptional(doc, RecordFields.INLINE_PAYLOAD, version.inlinePayload());
    return doc.append(WRITE_ID, new BsonString(version.writeId()))
        .append("payloadKey", new BsonString(version.payloadKey()))
        .append("payloadBytes", new BsonInt64(version.payloadBytes()))
        .append("meta", BsonJson.toDocument(version.meta()))
        .append(RecordFields.SYSTEM, RecordFields.system(version.system()))
        .append("content", RecordFields.content(version.content()))
        .append(CV_DRAWN_AT, BsonJson.date(version.cvDrawnAt()));
  }

  static VersionRecord toRecord(BsonDocument doc) {
    return new VersionRecord(
        ItemKey.of(RecordFields.scope(doc), RecordFields.string(doc, OBJECT_ID)),
        RecordFields.longValue(doc, OV),
        RecordFields.longValue(doc, "cv"),
        BsonJson.instant(doc.get(AT)),
        Op.valueOf(RecordFields.string(doc, "op")),
        RecordFields.optionalString(doc, "actor"),
        RecordFields.optionalString(doc, "reason"),
        RecordFields.optionalString(doc, "functionId"),
        RecordFields.optionalString(doc, "requestId"),
        RecordFields.optionalString(doc, "requestHash"),
        RecordFields.string(doc, WRITE_ID),
        RecordFields.string(doc, "payloadKey"),
        RecordFields.longValue(doc, "payloadBytes"),
        BsonJson.toObject(doc.getDocument("meta")),
        RecordFields.system(doc.getDocument(RecordFields.SYSTEM)),
        RecordFields.content(doc.getArray("content")),
        // Records written before the field existed: their version time is as good a bound.
        RecordFields.optionalInstant(doc, CV_DRAWN_AT).orElseGet(() -> BsonJson.instant(doc.get(AT))),
        RecordFields.optionalString(doc, RecordFields.INLINE_PAYLOAD));
  }
}
