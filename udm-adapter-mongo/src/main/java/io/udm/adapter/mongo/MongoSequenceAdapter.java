package io.udm.adapter.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.udm.api.RouteContext;
import io.udm.spi.SequenceStore;
import java.util.Objects;
import org.bson.BsonDocument;

/**
 * The {@code sequences} collection: one document per collection ({@code _id} = {@code
 * tenant/db/collection}) whose {@code value} is raised by an atomic {@code $inc} upsert.
 *
 * <p>The number handed out is the value <em>before</em> the increment plus one (none before: 1).
 * Asking for the document after the update would be as atomic on MongoDB, but mongo-java-server
 * returns its live document, which a racing increment may change before it is sent.
 */
public final class MongoSequenceAdapter implements SequenceStore {
  static final String COLLECTION = "sequences";
  private static final String VALUE = "value";
  /** Two first calls may both try to create the document; the loser of that race simply increments. */
  private static final int ATTEMPTS = 3;

  private final MongoCollection<BsonDocument> sequences;
  private final MongoErrors errors;

  MongoSequenceAdapter(MongoCollection<BsonDocument> sequences, MongoErrors errors) {
    this.sequences = sequences;
    this.errors = errors;
  }

  @Override
  public long next(RouteContext collection) {
    Objects.requireNonNull(collection, "collection");
    FindOneAndUpdateOptions upsertBefore = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);
    return errors.call("take the next collection version of " + collection, () -> {
      for (int attempt = 1; ; attempt++) {
        try {
          BsonDocument before = sequences.findOneAndUpdate(
              Filters.eq("_id", Keys.collection(collection)), Updates.inc(VALUE, 1L), upsertBefore);
          return before == null ? 1L : RecordFields.longValue(before, VALUE) + 1;
        } catch (MongoException e) {
          if (!MongoErrors.isDuplicateKey(e) || attempt == ATTEMPTS) {
            throw e;
          }
        }
      }
    });
  }

  @Override
  public long current(RouteContext collection) {
    Objects.requireNonNull(collection, "collection");
    return errors.call("read the collection version of " + collection, () -> {
      BsonDocument doc = sequences.find(Filters.eq("_id", Keys.collection(collection))).first();
      return doc == null ? 0L : RecordFields.longValue(doc, VALUE);
    });
  }
}
