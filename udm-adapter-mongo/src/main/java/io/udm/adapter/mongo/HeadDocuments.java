package io.udm.adapter.mongo;

import io.udm.spi.DevShadow;
import io.udm.spi.HeadRecord;
import io.udm.spi.ItemKey;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * A {@link HeadRecord} as a {@code heads} document: {@code _id} = {@code tenant/db/collection/objectId},
 * the scope and object id as fields, {@code ov}, {@code cv}, {@code at}, {@code payloadKey}, {@code
 * meta} (queried as {@code meta.<path>}), the meta's {@link SortKeys} ({@code sortKeys}, {@code
 * sortKeysFormat}), {@code _system}, {@code content} and, when present, {@code payload} (the
 * version's inline payload, its stored JSON as a string) and {@code shadow} = {document, expiresAt,
 * bytes}.
 */
final class HeadDocuments {
  static final String ID = "_id";
  static final String OBJECT_ID = "objectId";
  static final String OV = "ov";
  static final String META = "meta";

  private HeadDocuments() {}

  static BsonDocument toDocument(HeadRecord head) {
    BsonDocument meta = BsonJson.toDocument(head.meta());
    BsonDocument doc = new BsonDocument(ID, new BsonString(Keys.item(head.key())));
    RecordFields.putScope(doc, head.key().collection());
    doc.append(OBJECT_ID, new BsonString(head.key().objectId()))
        .append(OV, new BsonInt64(head.ov()))
        .append("cv", new BsonInt64(head.cv()))
        .append("at", BsonJson.date(head.at()))
        .append("payloadKey", new BsonString(head.payloadKey()))
        .append(META, meta)
        .append(SortKeys.FIELD, SortKeys.of(BsonJson.toObject(meta)))
        .append(SortKeys.FORMAT, new BsonInt32(SortKeys.CURRENT_FORMAT))
        .append(RecordFields.SYSTEM, RecordFields.system(head.system()))
        .append("content", RecordFields.content(head.content()));
    RecordFields.putOptional(doc, RecordFields.INLINE_PAYLOAD, head.inlinePayload());
    head.shadow().ifPresent(shadow -> doc.append("shadow", new BsonDocument()
        .append("document", BsonJson.toDocument(shadow.document()))
        .append("expiresAt", BsonJson.date(shadow.expiresAt()))
        .append("bytes", new BsonInt64(shadow.bytes()))));
    return doc;
  }

  static HeadRecord toRecord(BsonDocument doc) {
    ItemKey key = ItemKey.of(RecordFields.scope(doc), RecordFields.string(doc, OBJECT_ID));
    return new HeadRecord(
        key,
        RecordFields.longValue(doc, OV),
        RecordFields.longValue(doc, "cv"),
        BsonJson.instant(doc.get("at")),
        RecordFields.string(doc, "payloadKey"),
        BsonJson.toObject(doc.getDocument(META)),
        RecordFields.system(doc.getDocument(RecordFields.SYSTEM)),
        RecordFields.content(doc.getArray("content")),
        shadow(doc.get("shadow")),
        RecordFields.optionalString(doc, RecordFields.INLINE_PAYLOAD));
  }

  private static Optional<DevShadow> shadow(BsonValue value) {
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    BsonDocument shadow = value.asDocument();
    return Optional.of(new DevShadow(
        BsonJson.toObject(shadow.getDocument("document")),
        BsonJson.instant(shadow.get("expiresAt")),
        RecordFields.longValue(shadow, "bytes")));
  }
}
