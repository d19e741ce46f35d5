package io.udm.adapter.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.UpdateOptions;
import io.udm.api.RouteContext;
import io.udm.spi.CollectionFencedException;
import io.udm.spi.CvDraw;
import io.udm.spi.SequenceStore;
import java.util.Objects;
import org.bson.BsonDocument;

/**
 * The {@code sequences} collection: one document per collection ({@code _id} = {@code
 * tenant/db/collection}) whose {@code value} is raised by an atomic {@code $inc} upsert. A fence
 * sets {@code fenced: true}; the increment's filter excludes fenced documents, so its upsert then
 * collides with the fenced document's _id and the fence is reported.
 *
 * <p>The number handed out is the value <em>before</em> the increment plus one (none before: 1).
 * Asking for the document after the update would be as atomic on MongoDB, but mongo-java-server
 * returns its live document, which a racing increment may change before it is sent.
 */
public final class MongoSequenceAdapter implements SequenceStore {
  static final String COLLECTION = "sequences";
  private static final String VALUE = "value";
  private static final String FENCED = "fenced";
  private static final String HARD_DELETED = "hardDeleted";
  private static final String REWRITES_BEGUN = "rewritesBegun";
  private static final String REWRITES_ENDED = "rewritesEnded";
  /** The name of the last drawer: a draw by the same name follows its own. */
  private static final String DRAWER = "drawer";
  /** Two first calls may both try to create the document; the loser of that race simply increments. */
  private static final int ATTEMPTS = 3;

  private final MongoCollection<BsonDocument> sequences;
  private final MongoErrors errors;

  MongoSequenceAdapter(MongoCollection<BsonDocument> sequences, MongoErrors errors) {
    this.sequences = sequences;
    this.errors = errors;
  }

  @Override
  public CvDraw draw(RouteContext collection, String drawer) {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(drawer, "drawer");
    FindOneAndUpdateOptions upsertBefore = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);
    return errors.call("take the next collection version of " + collection, () -> {
      for (int attempt = 1; ; attempt++) {
        try {
          BsonDocument before = sequences.findOneAndUpdate(
              Filters.and(Filters.eq("_id", Keys.collection(collection)), Filters.ne(FENCED, true)),
              Updates.combine(Updates.inc(VALUE, 1L), Updates.set(DRAWER, drawer)), upsertBefore);
          return before == null ? new CvDraw(1L, false)
              : new CvDraw(RecordFields.longValue(before, VALUE) + 1, hardDeleted(before),
                  count(before, REWRITES_BEGUN), count(before, REWRITES_ENDED), followsOwnDraw(before, drawer));
        } catch (MongoException e) {
          if (!MongoErrors.isDuplicateKey(e)) {
            throw e;
          }
          if (isFenced(collection)) {
            throw new CollectionFencedException(collection);
          }
          if (attempt == ATTEMPTS) {
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

  @Override
  public long fence(RouteContext collection) {
    Objects.requireNonNull(collection, "collection");
    FindOneAndUpdateOptions upsertAfter = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
    return errors.call("fence the collection version of " + collection, () -> {
      // Once fenced no increment applies, so the document returned is final.
      BsonDocument after = sequences.findOneAndUpdate(Filters.eq("_id", Keys.collection(collection)),
          Updates.combine(Updates.set(FENCED, true), Updates.setOnInsert(VALUE, 0L)), upsertAfter);
      return RecordFields.longValue(after, VALUE);
    });
  }

  @Override
  public void reopen(RouteContext collection, long atLeast) {
    Objects.requireNonNull(collection, "collection");
    errors.run("reopen the collection version of " + collection, () -> sequences.updateOne(
        Filters.eq("_id", Keys.collection(collection)),
        Updates.combine(Updates.unset(FENCED), Updates.max(VALUE, atLeast)), new UpdateOptions().upsert(true)));
  }

  @Override
  public void markHardDelete(RouteContext collection) {
    Objects.requireNonNull(collection, "collection");
    errors.run("mark a hard delete in " + collection, () -> sequences.updateOne(
        Filters.eq("_id", Keys.collection(collection)),
        Updates.combine(Updates.set(HARD_DELETED, true), Updates.setOnInsert(VALUE, 0L)),
        new UpdateOptions().upsert(true)));
  }

  @Override
  public boolean hardDeleteMarked(RouteContext collection) {
    Objects.requireNonNull(collection, "collection");
    return errors.call("read the hard-delete mark of " + collection, () -> {
      BsonDocument doc = sequences.find(Filters.eq("_id", Keys.collection(collection))).first();
      return doc != null && hardDeleted(doc);
    });
  }

  @Override
  public void beginRewrite(RouteContext collection) {
    count(collection, REWRITES_BEGUN, "count a rewrite of " + collection + " as begun");
  }

  @Override
  public void endRewrite(RouteContext collection) {
    count(collection, REWRITES_ENDED, "count a rewrite of " + collection + " as ended");
  }

  private void count(RouteContext collection, String field, String what) {
    Objects.requireNonNull(collection, "collection");
    errors.run(what, () -> sequences.updateOne(Filters.eq("_id", Keys.collection(collection)),
        Updates.combine(Updates.inc(field, 1L), Updates.setOnInsert(VALUE, 0L)), new UpdateOptions().upsert(true)));
  }

  private static long count(BsonDocument doc, String field) {
    return doc.containsKey(field) ? RecordFields.longValue(doc, field) : 0L;
  }

  private static boolean followsOwnDraw(BsonDocument before, String drawer) {
    return !drawer.isEmpty() && before.isString(DRAWER) && before.getString(DRAWER).getValue().equals(drawer);
  }

  private static boolean hardDeleted(BsonDocument doc) {
    return doc.getBoolean(HARD_DELETED, org.bson.BsonBoolean.FALSE).getValue();
  }

  private boolean isFenced(RouteContext collection) {
    BsonDocument doc = sequences.find(Filters.eq("_id", Keys.collection(collection))).first();
    return doc != null && doc.getBoolean(FENCED, org.bson.BsonBoolean.FALSE).getValue();
  }
}
