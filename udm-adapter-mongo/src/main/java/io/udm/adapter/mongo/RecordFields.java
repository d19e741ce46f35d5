package io.udm.adapter.mongo;

import com.mongodb.client.model.Filters;
import io.udm.api.ContentRef;
import io.udm.api.RouteContext;
import io.udm.api.SystemHeader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * The parts heads and versions share: scope fields, the {@code _system} header, content references,
 * and optional values (an empty Optional is stored as an absent field).
 */
final class RecordFields {
  static final String TENANT = "tenant";
  static final String DB = "db";
  static final String COLLECTION = "coll";
  static final String SYSTEM = "_system";
  /** A version's payload kept in its record (and in its head): the stored JSON text. */
  static final String INLINE_PAYLOAD = "payload";
  static final String DELETED = SYSTEM + ".deleted";

  private RecordFields() {}

  /** Tenant, database and collection as plain fields, for people and tools reading the database. */
  static void putScope(BsonDocument doc, RouteContext collection) {
    doc.append(TENANT, new BsonString(collection.tenantId()))
        .append(DB, new BsonString(collection.dbName()))
        .append(COLLECTION, new BsonString(collection.collection()));
  }

  /** Matches the documents of one collection. */
  static Bson scopeFilter(RouteContext collection) {
    return Filters.and(Filters.eq(TENANT, collection.tenantId()), Filters.eq(DB, collection.dbName()),
        Filters.eq(COLLECTION, collection.collection()));
  }

  static RouteContext scope(BsonDocument doc) {
    return RouteContext.of(string(doc, TENANT), string(doc, DB), string(doc, COLLECTION));
  }

  static BsonDocument system(SystemHeader system) {
    BsonDocument out = new BsonDocument()
        .append("insertedAt", BsonJson.date(system.insertedAt()))
        .append("updatedAt", BsonJson.date(system.updatedAt()));
    system.deletedAt().ifPresent(at -> out.append("deletedAt", BsonJson.date(at)));
    BsonArray functionIds = new BsonArray();
    system.functionIds().forEach(id -> functionIds.add(new BsonString(id)));
    return out.append("deleted", BsonBoolean.valueOf(system.deleted())).append("functionIds", functionIds);
  }

  static SystemHeader system(BsonDocument doc) {
    List<String> functionIds = new ArrayList<>();
    doc.getArray("functionIds").forEach(id -> functionIds.add(id.asString().getValue()));
    return new SystemHeader(
        BsonJson.instant(doc.get("insertedAt")),
        BsonJson.instant(doc.get("updatedAt")),
        optionalInstant(doc, "deletedAt"),
        doc.getBoolean("deleted").getValue(),
        functionIds);
  }

  static BsonArray content(List<ContentRef> refs) {
    BsonArray out = new BsonArray();
    for (ContentRef ref : refs) {
      BsonDocument doc = new BsonDocument()
          .append("path", new BsonString(ref.path()))
          .append("key", new BsonString(ref.key()))
          .append("contentType", new BsonString(ref.contentType()))
          .append("size", new BsonInt64(ref.size()))
          .append("sha256", new BsonString(ref.sha256()));
      ref.url().ifPresent(url -> doc.append("url", new BsonString(url.toString())));
      out.add(doc);
    }
    return out;
  }

  static List<ContentRef> content(BsonArray array) {
    List<ContentRef> refs = new ArrayList<>();
    for (BsonValue value : array) {
      BsonDocument doc = value.asDocument();
      refs.add(new ContentRef(
          string(doc, "path"), string(doc, "key"), string(doc, "contentType"),
          doc.getNumber("size").longValue(), string(doc, "sha256"),
          optionalString(doc, "url").map(URI::create)));
    }
    return refs;
  }

  static void putOptional(BsonDocument doc, String field, Optional<String> value) {
    value.ifPresent(text -> doc.append(field, new BsonString(text)));
  }

  static String string(BsonDocument doc, String field) {
    return doc.getString(field).getValue();
  }

  static Optional<String> optionalString(BsonDocument doc, String field) {
    BsonValue value = doc.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString().getValue());
  }

  static Optional<Instant> optionalInstant(BsonDocument doc, String field) {
    BsonValue value = doc.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(BsonJson.instant(value));
  }

  static long longValue(BsonDocument doc, String field) {
    return doc.getNumber(field).longValue();
  }
}
