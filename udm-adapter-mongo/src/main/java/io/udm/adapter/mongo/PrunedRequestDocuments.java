package io.udm.adapter.mongo;

import io.udm.api.Op;
import io.udm.spi.ItemKey;
import io.udm.spi.PrunedRequest;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/** A {@link PrunedRequest} as a document of {@code pruned_requests}, keyed like the versions' request index. */
final class PrunedRequestDocuments {
  static final String ID = "_id";
  static final String EXPIRES_AT = "expiresAt";

  private PrunedRequestDocuments() {}

  static BsonDocument toDocument(PrunedRequest request) {
    BsonDocument doc = new BsonDocument(ID, new BsonString(Keys.request(request.key().collection(), request.requestId())));
    RecordFields.putScope(doc, request.key().collection());
    doc.append("objectId", new BsonString(request.key().objectId()))
        .append("requestId", new BsonString(request.requestId()));
    RecordFields.putOptional(doc, "requestHash", request.requestHash());
    BsonArray functionIds = new BsonArray();
    request.functionIds().forEach(id -> functionIds.add(new BsonString(id)));
    return doc.append("op", new BsonString(request.op().name()))
        .append("ov", new BsonInt64(request.ov()))
        .append("cv", new BsonInt64(request.cv()))
        .append("at", BsonJson.date(request.at()))
        .append("functionIds", functionIds)
        .append(EXPIRES_AT, BsonJson.date(request.expiresAt()));
  }

  static PrunedRequest toRecord(BsonDocument doc) {
    return new PrunedRequest(
        ItemKey.of(RecordFields.scope(doc), RecordFields.string(doc, "objectId")),
        RecordFields.string(doc, "requestId"),
        RecordFields.optionalString(doc, "requestHash"),
        Op.valueOf(RecordFields.string(doc, "op")),
        RecordFields.longValue(doc, "ov"),
        RecordFields.longValue(doc, "cv"),
        BsonJson.instant(doc.get("at")),
        doc.getArray("functionIds").stream().map(BsonValue::asString).map(BsonString::getValue).toList(),
        BsonJson.instant(doc.get(EXPIRES_AT)));
  }
}
