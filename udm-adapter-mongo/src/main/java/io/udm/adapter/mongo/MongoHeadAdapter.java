package io.udm.adapter.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.HeadStore;
import io.udm.spi.HeadWrite;
import io.udm.spi.ItemKey;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.conversions.Bson;

/**
 * The {@code heads} collection. The _id ({@code tenant/db/collection/objectId}) is the unique key
 * that makes a second insert conflict; compare-and-set replaces only where {@code {_id, ov}} match,
 * a filter served by the unique index on exactly those fields.
 */
public final class MongoHeadAdapter implements HeadStore {
  static final String COLLECTION = "heads";
  /** A conflict whose winner vanished before it could be read (a racing hard delete) is retried this often. */
  private static final int ATTEMPTS = 3;

  private final MongoCollection<BsonDocument> heads;
  private final MongoErrors errors;
  private final HeadListing listing;

  MongoHeadAdapter(MongoCollection<BsonDocument> heads, MongoErrors errors) {
    this.heads = heads;
    this.errors = errors;
    this.listing = new HeadListing(heads);
  }

  void createIndexes() {
    errors.run("create the indexes of '" + COLLECTION + "'", () -> {
      heads.createIndex(Indexes.ascending(HeadDocuments.ID, HeadDocuments.OV),
          new IndexOptions().unique(true).name("id_ov_unique"));
      // Finds the heads written before sort keys existed (a null range) without a scan.
      heads.createIndex(Indexes.ascending(SortKeys.FORMAT, HeadDocuments.ID), new IndexOptions().name("sort_keys_format"));
    });
  }

  /**
   * Adds (non-unique) indexes per meta property for listings that filter or sort on it: on the value,
   * and on its sort key for objects, arrays and binaries. Optional: a query without them is correct,
   * only slower on a real MongoDB.
   */
  void createQueryIndexes(Collection<String> metaPaths) {
    for (String path : metaPaths) {
      String field = HeadDocuments.META + "." + path;
      String sortKey = SortKeys.field(path);
      errors.run("create the query indexes on '" + field + "' of '" + COLLECTION + "'", () -> {
        heads.createIndex(Indexes.ascending(field, HeadDocuments.ID), new IndexOptions().name("meta_" + path));
        heads.createIndex(Indexes.ascending(sortKey, HeadDocuments.ID), new IndexOptions().name("sort_key_" + path));
      });
    }
  }

  @Override
  public Optional<HeadRecord> find(ItemKey key) {
    return errors.call("read the head of " + key, () -> findDocument(key).map(HeadDocuments::toRecord));
  }

  @Override
  public HeadWrite insert(HeadRecord head) {
    Objects.requireNonNull(head, "head");
    BsonDocument doc = HeadDocuments.toDocument(head);
    return errors.call("insert the head of " + head.key(), () -> {
      for (int attempt = 1; ; attempt++) {
        try {
          heads.insertOne(doc);
          return HeadWrite.APPLIED;
        } catch (MongoException e) {
          if (!MongoErrors.isDuplicateKey(e)) {
            throw e;
          }
        }
        Optional<Long> current = currentOv(head.key());
        if (current.isPresent() || attempt == ATTEMPTS) {
          return new HeadWrite.Conflict(current.orElse(0L));
        }
      }
    });
  }

  @Override
  public HeadWrite compareAndSet(long expectedOv, HeadRecord next) {
    Objects.requireNonNull(next, "next");
    BsonDocument doc = HeadDocuments.toDocument(next);
    // One document of two equalities rather than Filters.and, which renders as $and: mongo-java-server
    // serves a filter from a unique index only when its fields are exactly the index's (else it scans).
    Bson atExpectedOv = new BsonDocument(HeadDocuments.ID, new BsonString(Keys.item(next.key())))
        .append(HeadDocuments.OV, new BsonInt64(expectedOv));
    return errors.call("move the head of " + next.key() + " from ov " + expectedOv + " to " + next.ov(), () -> {
      for (int attempt = 1; ; attempt++) {
        if (heads.replaceOne(atExpectedOv, doc).getMatchedCount() == 1) {
          return HeadWrite.APPLIED;
        }
        long current = currentOv(next.key()).orElse(0L);
        // At the expected ov after all: it was deleted and re-created in between; try again.
        if (current != expectedOv || attempt == ATTEMPTS) {
          return new HeadWrite.Conflict(current);
        }
      }
    });
  }

  @Override
  public List<HeadRecord> query(HeadQuery query) {
    Objects.requireNonNull(query, "query");
    return errors.call("list the heads of " + query.collection(), () -> listing.page(query));
  }

  @Override
  public boolean delete(ItemKey key) {
    return errors.call("delete the head of " + key,
        () -> heads.deleteOne(Filters.eq(HeadDocuments.ID, Keys.item(key))).getDeletedCount() > 0);
  }

  private Optional<BsonDocument> findDocument(ItemKey key) {
    return Optional.ofNullable(heads.find(Filters.eq(HeadDocuments.ID, Keys.item(key))).first());
  }

  private Optional<Long> currentOv(ItemKey key) {
    return findDocument(key).map(doc -> RecordFields.longValue(doc, HeadDocuments.OV));
  }
}
