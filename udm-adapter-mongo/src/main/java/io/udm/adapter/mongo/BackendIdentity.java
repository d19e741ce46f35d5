package io.udm.adapter.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * A backend's permanent id, kept in its own database: the first process to open a fresh backend
 * records the id it proposes, and every later one reads it. Routing hashes these ids, so a backend
 * keeps its identity (and its collections) when its connection string changes: a new replica-set
 * member, another host name, a rotated password.
 */
final class BackendIdentity {
  static final String COLLECTION = "udm_backend";
  private static final String ID = "identity";
  private static final String FIELD = "backendId";

  private final MongoCollection<BsonDocument> collection;
  private final MongoErrors errors;

  BackendIdentity(MongoCollection<BsonDocument> collection, MongoErrors errors) {
    this.collection = collection;
    this.errors = errors;
  }

  String claim(String proposedId) {
    return errors.call("record or read its backend id", () -> {
      BsonDocument existing = collection.find(Filters.eq("_id", ID)).first();
      if (existing != null) {
        return existing.getString(FIELD).getValue();
      }
      try {
        collection.insertOne(new BsonDocument("_id", new BsonString(ID)).append(FIELD, new BsonString(proposedId)));
        return proposedId;
      } catch (MongoWriteException e) {
        if (!MongoErrors.isDuplicateKey(e)) {
          throw e;
        }
        // Another process claimed it first: its id stands.
        return collection.find(Filters.eq("_id", ID)).first().getString(FIELD).getValue();
      }
    });
  }
}
