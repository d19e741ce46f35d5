package io.udm.adapter.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.udm.api.CounterQuery;
import io.udm.api.RouteContext;
import io.udm.api.Totals;
import io.udm.spi.AppliedEffect;
import io.udm.spi.CounterDelta;
import io.udm.spi.CounterStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * The {@code counters} collection: one document per collection ({@code _id} = {@code
 * tenant/db/collection}, with the three as fields for queries) holding the operation totals and a
 * {@code rules} sub-document of gauges. An addition is one {@code $inc} upsert, so it is atomic;
 * totals are summed over the documents a {@link CounterQuery} covers, and a reset deletes them.
 */
public final class MongoCounterAdapter implements CounterStore {
  static final String COLLECTION = "counters";
  private static final String RULES = "rules";
  /** Applied effects still remembered, by encoded write id. */
  private static final String EFFECTS = "fx";
  private static final List<String> TOTALS = List.of("creates", "updates", "deletes", "enrichments", "restores", "live");
  /** Two first additions may both try to create the document; the loser of that race simply increments. */
  private static final int ATTEMPTS = 3;

  private final MongoCollection<BsonDocument> counters;
  private final MongoErrors errors;

  MongoCounterAdapter(MongoCollection<BsonDocument> counters, MongoErrors errors) {
    this.counters = counters;
    this.errors = errors;
  }

  void createIndexes() {
    errors.run("create the indexes of '" + COLLECTION + "'", () -> counters.createIndex(
        Indexes.ascending(RecordFields.TENANT, RecordFields.DB, RecordFields.COLLECTION),
        new IndexOptions().name("scope")));
  }

  @Override
  public void add(RouteContext collection, CounterDelta delta) {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(delta, "delta");
    if (delta.isZero()) {
      return;
    }
    List<Bson> updates = new ArrayList<>(increments(delta));
    updates.addAll(scopeOnInsert(collection));
    Bson update = Updates.combine(updates);
    errors.run("add to the counters of " + collection, () -> {
      for (int attempt = 1; ; attempt++) {
        try {
          counters.updateOne(Filters.eq("_id", Keys.collection(collection)), update, new UpdateOptions().upsert(true));
          return;
        } catch (MongoException e) {
          if (!MongoErrors.isDuplicateKey(e) || attempt == ATTEMPTS) {
            throw e;
          }
        }
      }
    });
  }

  /**
   * One conditional {@code $inc} upsert: its filter requires that none of the write ids is
   * remembered under {@code fx}. When one is, the filter matches nothing and the upsert's insert
   * collides on {@code _id}: nothing was added. A collision can also be two first additions racing
   * to create the document, so it is tried once more against the document that now exists.
   */
  @Override
  public boolean addOnce(RouteContext collection, CounterDelta delta, List<AppliedEffect> effects,
      Collection<String> forget) {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(delta, "delta");
    List<Bson> filter = new ArrayList<>();
    filter.add(Filters.eq("_id", Keys.collection(collection)));
    List<Bson> updates = new ArrayList<>(increments(delta));
    for (AppliedEffect effect : effects) {
      String field = EFFECTS + "." + RuleFieldNames.encode(effect.writeId());
      filter.add(Filters.exists(field, false));
      updates.add(Updates.set(field, new BsonDocument("objectId", new BsonString(effect.objectId()))
          .append("ov", new BsonInt64(effect.ov()))
          .append("at", BsonJson.date(effect.appliedAt()))));
    }
    for (String writeId : forget) {
      updates.add(Updates.unset(EFFECTS + "." + RuleFieldNames.encode(writeId)));
    }
    updates.addAll(scopeOnInsert(collection));
    Bson update = Updates.combine(updates);
    Bson match = Filters.and(filter);
    return errors.call("add to the counters of " + collection, () -> {
      for (int attempt = 1; ; attempt++) {
        try {
          counters.updateOne(match, update, new UpdateOptions().upsert(true));
          return true;
        } catch (MongoException e) {
          if (!MongoErrors.isDuplicateKey(e)) {
            throw e;
          }
          if (attempt == 2) {
            return false;
          }
        }
      }
    });
  }

  @Override
  public void forget(RouteContext collection, Collection<String> writeIds) {
    Objects.requireNonNull(collection, "collection");
    if (writeIds.isEmpty()) {
      return;
    }
    Bson update = Updates.combine(writeIds.stream()
        .map(writeId -> Updates.unset(EFFECTS + "." + RuleFieldNames.encode(writeId))).toList());
    errors.run("forget applied effects of " + collection,
        () -> counters.updateOne(Filters.eq("_id", Keys.collection(collection)), update));
  }

  /** Walks the counters documents that remember something (one per collection; few remember anything). */
  @Override
  public List<AppliedEffect> remembered(Instant appliedBefore, int limit) {
    Objects.requireNonNull(appliedBefore, "appliedBefore");
    return errors.call("list remembered effects", () -> {
      List<AppliedEffect> out = new ArrayList<>();
      for (BsonDocument doc : counters.find(Filters.exists(EFFECTS))) {
        RouteContext collection = RecordFields.scope(doc);
        for (Map.Entry<String, BsonValue> entry : doc.getDocument(EFFECTS).entrySet()) {
          BsonDocument effect = entry.getValue().asDocument();
          Instant at = BsonJson.instant(effect.get("at"));
          if (at.isBefore(appliedBefore)) {
            out.add(new AppliedEffect(collection, effect.getString("objectId").getValue(),
                effect.getNumber("ov").longValue(), RuleFieldNames.decode(entry.getKey()), at));
            if (out.size() >= limit) {
              return out;
            }
          }
        }
      }
      return out;
    });
  }

  private static List<Bson> increments(CounterDelta delta) {
    long[] values = {delta.creates(), delta.updates(), delta.deletes(), delta.enrichments(), delta.restores(), delta.live()};
    List<Bson> updates = new ArrayList<>();
    for (int i = 0; i < TOTALS.size(); i++) {
      updates.add(Updates.inc(TOTALS.get(i), values[i]));
    }
    delta.rules().forEach((name, value) -> updates.add(Updates.inc(RULES + "." + RuleFieldNames.encode(name), value)));
    return updates;
  }

  private static List<Bson> scopeOnInsert(RouteContext collection) {
    return List.of(Updates.setOnInsert(RecordFields.TENANT, collection.tenantId()),
        Updates.setOnInsert(RecordFields.DB, collection.dbName()),
        Updates.setOnInsert(RecordFields.COLLECTION, collection.collection()));
  }

  @Override
  public Totals totals(CounterQuery query) {
    Objects.requireNonNull(query, "query");
    return errors.call("read the counters of " + describe(query), () -> {
      long[] sums = new long[TOTALS.size()];
      Map<String, Long> rules = new TreeMap<>();
      for (BsonDocument doc : counters.find(covered(query))) {
        for (int i = 0; i < TOTALS.size(); i++) {
          BsonValue value = doc.get(TOTALS.get(i));
          sums[i] += value == null ? 0 : value.asNumber().longValue();
        }
        BsonDocument ruleDoc = doc.getDocument(RULES, new BsonDocument());
        ruleDoc.forEach((field, value) -> rules.merge(RuleFieldNames.decode(field), value.asNumber().longValue(), Long::sum));
      }
      return new Totals(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], rules);
    });
  }

  @Override
  public void reset(CounterQuery query) {
    Objects.requireNonNull(query, "query");
    errors.run("reset the counters of " + describe(query), () -> counters.deleteMany(covered(query)));
  }

  private static Bson covered(CounterQuery query) {
    List<Bson> parts = new ArrayList<>();
    parts.add(Filters.eq(RecordFields.TENANT, query.tenantId()));
    query.dbName().ifPresent(db -> parts.add(Filters.eq(RecordFields.DB, db)));
    query.collection().ifPresent(collection -> parts.add(Filters.eq(RecordFields.COLLECTION, collection)));
    return Filters.and(parts);
  }

  private static String describe(CounterQuery query) {
    return query.tenantId() + query.dbName().map(db -> "/" + db).orElse("")
        + query.collection().map(collection -> "/" + collection).orElse("");
  }
}
