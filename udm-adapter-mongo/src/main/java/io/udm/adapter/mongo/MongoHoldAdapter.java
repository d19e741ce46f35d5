package io.udm.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.udm.api.Hold;
import io.udm.api.RouteContext;
import io.udm.spi.HoldStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.conversions.Bson;

/**
 * The {@code holds} collection of the counters MongoDB: {@code _id} = the hold id, the scope fields
 * {@code tenant}, {@code db}, {@code coll}, {@code itemId} (absent for a collection hold), {@code
 * reason} and {@code placedAt}. A collection's holds are found through the {@code scope} index.
 */
public final class MongoHoldAdapter implements HoldStore {
  static final String COLLECTION = "holds";
  private static final String ID = "_id";
  private static final String TENANT = "tenant";
  private static final String DB = "db";
  private static final String COLL = "coll";
  private static final String ITEM = "itemId";
  private static final String REASON = "reason";
  private static final String PLACED_AT = "placedAt";

  private final MongoCollection<BsonDocument> holds;
  private final MongoErrors errors;

  MongoHoldAdapter(MongoCollection<BsonDocument> holds, MongoErrors errors) {
    this.holds = holds;
    this.errors = errors;
  }

  void createIndexes() {
    errors.run("create the indexes of " + COLLECTION, () -> holds.createIndex(
        Indexes.ascending(TENANT, DB, COLL, PLACED_AT), new IndexOptions().name("scope")));
  }

  @Override
  public void place(Hold hold) {
    Objects.requireNonNull(hold, "hold");
    BsonDocument doc = new BsonDocument(ID, new BsonString(hold.holdId()))
        .append(TENANT, new BsonString(hold.context().tenantId()))
        .append(DB, new BsonString(hold.context().dbName()))
        .append(COLL, new BsonString(hold.context().collection()))
        .append(REASON, new BsonString(hold.reason()))
        .append(PLACED_AT, BsonJson.date(hold.placedAt()));
    hold.itemId().ifPresent(id -> doc.append(ITEM, new BsonString(id)));
    errors.run("place " + hold.describe(), () -> holds.insertOne(doc));
  }

  @Override
  public Optional<Hold> release(String holdId) {
    Objects.requireNonNull(holdId, "holdId");
    return errors.call("release legal hold " + holdId,
        () -> Optional.ofNullable(holds.findOneAndDelete(Filters.eq(ID, holdId))).map(MongoHoldAdapter::toHold));
  }

  @Override
  public List<Hold> holds(RouteContext collection) {
    Objects.requireNonNull(collection, "collection");
    Bson scope = Filters.and(Filters.eq(TENANT, collection.tenantId()), Filters.eq(DB, collection.dbName()),
        Filters.eq(COLL, collection.collection()));
    return errors.call("list the legal holds of " + collection, () -> {
      List<Hold> out = new ArrayList<>();
      holds.find(scope).sort(Sorts.ascending(PLACED_AT, ID)).forEach(doc -> out.add(toHold(doc)));
      return out;
    });
  }

  private static Hold toHold(BsonDocument doc) {
    return new Hold(doc.getString(ID).getValue(),
        RouteContext.of(doc.getString(TENANT).getValue(), doc.getString(DB).getValue(), doc.getString(COLL).getValue()),
        doc.containsKey(ITEM) ? Optional.of(doc.getString(ITEM).getValue()) : Optional.empty(),
        doc.getString(REASON).getValue(), BsonJson.instant(doc.get(PLACED_AT)));
  }
}
