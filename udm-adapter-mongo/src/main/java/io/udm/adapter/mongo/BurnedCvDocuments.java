package io.udm.adapter.mongo;

import io.udm.api.RouteContext;
import java.time.Instant;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;

/**
 * A burned cv as a {@code versions} document: it takes the cv's place in the unique {@code
 * {tenant, db, collection, cv}} index, so an append with that cv fails on the duplicate. Its {@code
 * item} ({@code tenant/db/collection#cv}) and {@code ov} (the cv) keep it clear of every item's
 * {@code {item, ov}} entries: object ids never hold {@code #}. It has no request key and owes no
 * work, and reads by item, by request or of owed work never meet it; listings by cv leave it out.
 */
final class BurnedCvDocuments {
  static final String BURNED = "burned";
  static final String BURNED_AT = "burnedAt";

  private BurnedCvDocuments() {}

  static BsonDocument toDocument(RouteContext collection, long cv, Instant at) {
    BsonDocument doc = new BsonDocument(VersionDocuments.ID, new BsonString(Keys.collection(collection) + "#cv/" + cv));
    RecordFields.putScope(doc, collection);
    return doc.append(VersionDocuments.ITEM, new BsonString(Keys.collection(collection) + "#cv"))
        .append(VersionDocuments.OV, new BsonInt64(cv))
        .append(VersionDocuments.CV, new BsonInt64(cv))
        .append(BURNED, BsonBoolean.TRUE)
        .append(BURNED_AT, BsonJson.date(at));
  }
}
