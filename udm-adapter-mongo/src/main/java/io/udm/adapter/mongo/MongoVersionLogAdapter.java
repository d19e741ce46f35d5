package io.udm.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.udm.api.RouteContext;
import io.udm.spi.AppendResult;
import io.udm.spi.EffectsOutbox;
import io.udm.spi.ItemKey;
import io.udm.spi.PendingEffects;
import io.udm.spi.PendingVersion;
import io.udm.spi.PrunedRequest;
import io.udm.spi.RequestMemos;
import io.udm.spi.VersionLog;
import io.udm.spi.VersionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * The {@code versions} collection. Three unique indexes are the locks of the commit protocol: {@code
 * {item, ov}} (of two writers appending the same ov exactly one wins), {@code requestKey} (sparse:
 * a request id is used once per collection) and {@code {tenant, db, collection, cv}} (a cv is a
 * version's or burned, {@link BurnedCvDocuments}). A duplicate key is attributed by reading, not by the
 * server's message: a replayed request wins over a taken ov, as the caller then learns its write
 * already happened.
 */
public final class MongoVersionLogAdapter implements VersionLog, EffectsOutbox, RequestMemos {
  static final String COLLECTION = "versions";
  static final String PRUNED_REQUESTS = "pruned_requests";
  /** The non-unique index on {tenant, db, collection, cv} of stores made by earlier releases. */
  private static final String LEGACY_CV_INDEX = "collection_cv";
  /** Burned cvs per insert: a gap the feed or a mover settles may span many cvs. */
  private static final int BURN_BATCH = 1000;
  /** An append whose conflicting record vanished before it could be read (pruned meanwhile) is retried this often. */
  private static final int ATTEMPTS = 3;

  private final MongoCollection<BsonDocument> versions;
  private final MongoCollection<BsonDocument> prunedRequests;
  private final MongoErrors errors;

  MongoVersionLogAdapter(MongoCollection<BsonDocument> versions, MongoCollection<BsonDocument> prunedRequests,
      MongoErrors errors) {
    this.versions = versions;
    this.prunedRequests = prunedRequests;
    this.errors = errors;
  }

  void createIndexes() {
    errors.run("create the indexes of '" + COLLECTION + "'", () -> {
      versions.createIndex(Indexes.ascending(VersionDocuments.ITEM, VersionDocuments.OV),
          new IndexOptions().unique(true).name("item_ov_unique"));
      // Marking a version's after-commit work done filters on exactly {_id, writeId}. MongoDB serves
      // that from _id alone; mongo-java-server serves an equality filter only from a unique index on
      // exactly its fields and otherwise scans every version: one scan per write (issue 15's profile).
      versions.createIndex(Indexes.ascending(VersionDocuments.ID, VersionDocuments.WRITE_ID),
          new IndexOptions().unique(true).name("id_write_unique"));
      // Sparse rather than partial: mongo-java-server ignores partialFilterExpression, and a
      // single-field sparse index skips exactly the versions without a request id on both.
      versions.createIndex(Indexes.ascending(VersionDocuments.REQUEST_KEY),
          new IndexOptions().unique(true).sparse(true).name("request_key_unique"));
      // Only versions that still owe after-commit work carry fx: the sweeper's query reads this small set.
      versions.createIndex(Indexes.ascending(PendingEffectsDocuments.UNTIL),
          new IndexOptions().sparse(true).name("owed_effects"));
      // One record per cv of a collection, a version or a burned cv: a late append with a burned cv
      // fails on it. The change feed pages a collection's versions by it too. Stores made by earlier
      // releases have the same keys in a non-unique index, which must go first.
      dropIndexIfPresent(LEGACY_CV_INDEX);
      versions.createIndex(Indexes.ascending(RecordFields.TENANT, RecordFields.DB, RecordFields.COLLECTION,
          VersionDocuments.CV), new IndexOptions().unique(true).name("collection_cv_unique"));
      // Expired memos are filtered on read; the TTL index only keeps the collection small.
      prunedRequests.createIndex(Indexes.ascending(PrunedRequestDocuments.EXPIRES_AT),
          new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expires_ttl"));
    });
  }

  @Override
  public AppendResult append(VersionRecord version, Optional<PendingEffects> effects) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(effects, "effects");
    BsonDocument doc = VersionDocuments.toDocument(version);
    effects.ifPresent(owed -> doc.append(PendingEffectsDocuments.FIELD, PendingEffectsDocuments.toDocument(owed)));
    return errors.call("append version " + version.ov() + " of " + version.key(), () -> {
      for (int attempt = 1; ; attempt++) {
        try {
          versions.insertOne(doc);
          return AppendResult.APPENDED;
        } catch (MongoException e) {
          if (!MongoErrors.isDuplicateKey(e)) {
            throw e;
          }
        }
        Optional<VersionRecord> replayed = version.requestId()
            .flatMap(requestId -> findOne(byRequest(version.key().collection(), requestId)));
        if (replayed.isPresent()) {
          return new AppendResult.RequestReplayed(replayed.get());
        }
        if (attempt == ATTEMPTS || findOne(byVersion(version.key(), version.ov())).isPresent()) {
          return AppendResult.OV_TAKEN;
        }
        if (versions.find(atCv(version.key().collection(), version.cv())).first() != null) {
          return AppendResult.CV_BURNED;
        }
      }
    });
  }

  @Override
  public Optional<VersionRecord> find(ItemKey key, long ov) {
    return errors.call("read version " + ov + " of " + key, () -> findOne(byVersion(key, ov)));
  }

  /** An {@code _id $in} query: served by the _id index, and mongo-java-server uses it too. */
  @Override
  public List<VersionRecord> findAll(ItemKey key, Collection<Long> ovs) {
    Objects.requireNonNull(ovs, "ovs");
    if (ovs.isEmpty()) {
      return List.of();
    }
    List<String> ids = versionIds(key, ovs);
    return errors.call("read versions " + ovs + " of " + key, () -> {
      List<VersionRecord> out = new ArrayList<>();
      versions.find(Filters.in(VersionDocuments.ID, ids)).forEach(doc -> out.add(VersionDocuments.toRecord(doc)));
      // At most ovs.size() records: sorting them here costs nothing and keeps the query a plain _id lookup.
      out.sort(Comparator.comparingLong(VersionRecord::ov));
      return out;
    });
  }

  @Override
  public Optional<VersionRecord> latest(ItemKey key) {
    return errors.call("read the latest version of " + key, () -> newest(byItem(key)));
  }

  /** The highest ov with {@code at <= instant}: ov, not at, decides, as two writers' clocks may disagree. */
  @Override
  public Optional<VersionRecord> latestAtOrBefore(ItemKey key, Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return errors.call("read the version of " + key + " as of " + instant,
        () -> newest(Filters.and(byItem(key), Filters.lte(VersionDocuments.AT, BsonJson.date(instant)))));
  }

  /**
   * Every version of the item by an anchored prefix of {@code _id} ({@code item/ov}), sorted here: a
   * bounded scan of the {@code _id} index on MongoDB, as the {item, ov} index would give, and the
   * one shape mongo-java-server answers from an index (its keys, not every document).
   */
  @Override
  public List<VersionRecord> history(ItemKey key) {
    return errors.call("read the history of " + key, () -> {
      List<VersionRecord> out = new ArrayList<>();
      versions.find(allVersionsOf(key)).forEach(doc -> out.add(VersionDocuments.toRecord(doc)));
      out.sort(Comparator.comparingLong(VersionRecord::ov));
      return out;
    });
  }

  /** Served by the unique {@code {item, ov}} index: a range on ov within the item, read up to the limit. */
  @Override
  public List<VersionRecord> historyAfter(ItemKey key, long afterOv, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a history page needs a limit of 1 or more, got " + limit);
    }
    return errors.call("read the history of " + key + " after ov " + afterOv, () -> {
      List<VersionRecord> out = new ArrayList<>();
      versions.find(Filters.and(byItem(key), Filters.gt(VersionDocuments.OV, afterOv)))
          .sort(Sorts.ascending(VersionDocuments.OV))
          .limit(limit)
          .forEach(doc -> out.add(VersionDocuments.toRecord(doc)));
      return out;
    });
  }

  @Override
  public Optional<VersionRecord> findByRequestId(RouteContext collection, String requestId) {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(requestId, "requestId");
    return errors.call("look up request " + requestId + " in " + collection,
        () -> findOne(byRequest(collection, requestId)));
  }

  @Override
  public List<VersionRecord> listByCv(RouteContext collection, long afterCv, int limit) {
    Objects.requireNonNull(collection, "collection");
    return errors.call("list the versions of " + collection + " after cv " + afterCv, () -> {
      List<VersionRecord> out = new ArrayList<>();
      versions.find(Filters.and(RecordFields.scopeFilter(collection), Filters.gt(VersionDocuments.CV, afterCv),
              Filters.exists(BurnedCvDocuments.BURNED, false)))
          .sort(Sorts.ascending(VersionDocuments.CV))
          .limit(limit)
          .forEach(doc -> out.add(VersionDocuments.toRecord(doc)));
      return out;
    });
  }

  /**
   * Walks the unique (item, ov) index: each query starts strictly after the last item seen, so the
   * versions of an item already listed are skipped in the index, and a page costs a few index
   * seeks however many versions the collection holds.
   */
  @Override
  public List<String> itemIds(RouteContext collection, Optional<String> afterObjectId, int limit) {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(afterObjectId, "afterObjectId");
    String prefix = Keys.itemPrefix(collection);
    String end = Keys.itemPrefixEnd(collection);
    return errors.call("list the items of " + collection, () -> {
      List<String> ids = new ArrayList<>();
      Bson from = afterObjectId.map(after -> Filters.gt(VersionDocuments.ITEM, prefix + after))
          .orElse(Filters.gte(VersionDocuments.ITEM, prefix));
      while (ids.size() < limit) {
        List<String> items = new ArrayList<>();
        versions.find(Filters.and(from, Filters.lt(VersionDocuments.ITEM, end)))
            .projection(Projections.include(VersionDocuments.ITEM))
            .sort(Sorts.ascending(VersionDocuments.ITEM)).limit(limit - ids.size())
            .forEach(doc -> items.add(doc.getString(VersionDocuments.ITEM).getValue()));
        if (items.isEmpty()) {
          break;
        }
        items.stream().distinct().forEach(item -> ids.add(item.substring(prefix.length())));
        from = Filters.gt(VersionDocuments.ITEM, items.get(items.size() - 1));
      }
      return ids;
    });
  }

  @Override
  public long delete(ItemKey key, List<Long> ovs) {
    Objects.requireNonNull(ovs, "ovs");
    if (ovs.isEmpty()) {
      return 0;
    }
    List<String> ids = versionIds(key, ovs);
    return errors.call("delete " + ids.size() + " versions of " + key,
        () -> versions.deleteMany(Filters.in(VersionDocuments.ID, ids)).getDeletedCount());
  }

  /**
   * Inserts a burned-cv document per cv, unordered, in batches: a duplicate is a cv burned before or
   * one a version holds; the versions among them are read back and reported.
   */
  @Override
  public Set<Long> burn(RouteContext collection, Collection<Long> cvs, Instant at) {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(at, "at");
    List<Long> all = new ArrayList<>(new TreeSet<>(cvs));
    return errors.call("burn " + all.size() + " cvs of " + collection, () -> {
      Set<Long> committed = new TreeSet<>();
      for (int from = 0; from < all.size(); from += BURN_BATCH) {
        List<Long> batch = all.subList(from, Math.min(all.size(), from + BURN_BATCH));
        List<Long> taken = insertBurned(collection, batch, at);
        if (!taken.isEmpty()) {
          versions.find(Filters.and(RecordFields.scopeFilter(collection), Filters.in(VersionDocuments.CV, taken),
                  Filters.exists(BurnedCvDocuments.BURNED, false)))
              .projection(Projections.include(VersionDocuments.CV))
              .forEach(doc -> committed.add(RecordFields.longValue(doc, VersionDocuments.CV)));
        }
      }
      return committed;
    });
  }

  /** The cvs of {@code batch} whose insert met a duplicate. */
  private List<Long> insertBurned(RouteContext collection, List<Long> batch, Instant at) {
    List<BsonDocument> docs = batch.stream().map(cv -> BurnedCvDocuments.toDocument(collection, cv, at)).toList();
    try {
      versions.insertMany(docs, new InsertManyOptions().ordered(false));
      return List.of();
    } catch (MongoBulkWriteException e) {
      List<Long> taken = new ArrayList<>();
      for (BulkWriteError error : e.getWriteErrors()) {
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
        taken.add(batch.get(error.getIndex()));
      }
      return taken;
    }
  }

  @Override
  public List<Long> burnedCvs(RouteContext collection, long afterCv, long upToCv, int limit) {
    Objects.requireNonNull(collection, "collection");
    if (upToCv <= afterCv || limit < 1) {
      return List.of();
    }
    return errors.call("list the burned cvs of " + collection + " after cv " + afterCv, () -> {
      List<Long> out = new ArrayList<>();
      versions.find(Filters.and(RecordFields.scopeFilter(collection), Filters.gt(VersionDocuments.CV, afterCv),
              Filters.lte(VersionDocuments.CV, upToCv), Filters.eq(BurnedCvDocuments.BURNED, true)))
          .sort(Sorts.ascending(VersionDocuments.CV))
          .limit(limit)
          .projection(Projections.include(VersionDocuments.CV))
          .forEach(doc -> out.add(RecordFields.longValue(doc, VersionDocuments.CV)));
      return out;
    });
  }

  /**
   * Reads candidates whose claim expired, then claims each with a conditional update on its
   * {@code _id} (the claim's expiry must still be due), so two sweepers never both get one.
   */
  @Override
  public List<PendingVersion> claimPendingEffects(Instant now, Instant until, int limit) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(until, "until");
    return errors.call("claim owed after-commit work", () -> {
      Bson due = Filters.lte(PendingEffectsDocuments.UNTIL, BsonJson.date(now));
      List<BsonValue> candidates = new ArrayList<>();
      versions.find(due).projection(Projections.include(VersionDocuments.ID)).limit(limit)
          .forEach(doc -> candidates.add(doc.get(VersionDocuments.ID)));
      List<PendingVersion> claimed = new ArrayList<>();
      for (BsonValue id : candidates) {
        BsonDocument doc = versions.findOneAndUpdate(Filters.and(Filters.eq(VersionDocuments.ID, id), due),
            Updates.set(PendingEffectsDocuments.UNTIL, BsonJson.date(until)),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (doc != null && doc.containsKey(PendingEffectsDocuments.FIELD)) {
          claimed.add(new PendingVersion(VersionDocuments.toRecord(doc),
              PendingEffectsDocuments.toEffects(doc.getDocument(PendingEffectsDocuments.FIELD))));
        }
      }
      return claimed;
    });
  }

  @Override
  public Optional<PendingEffects> pendingEffects(ItemKey key, long ov, String writeId) {
    return errors.call("read the owed work of version " + ov + " of " + key, () -> Optional.ofNullable(
            versions.find(byVersion(key, ov)).first())
        .filter(doc -> writeId.equals(RecordFields.string(doc, VersionDocuments.WRITE_ID)))
        .filter(doc -> doc.containsKey(PendingEffectsDocuments.FIELD))
        .map(doc -> PendingEffectsDocuments.toEffects(doc.getDocument(PendingEffectsDocuments.FIELD))));
  }

  @Override
  public void effectsApplied(ItemKey key, long ov, String writeId) {
    errors.run("mark the after-commit work of version " + ov + " of " + key + " done", () -> versions.updateOne(
        // A plain document, not Filters.and (which renders $and): the unique index serves only that.
        new BsonDocument(VersionDocuments.ID, new BsonString(Keys.version(key, ov)))
            .append(VersionDocuments.WRITE_ID, new BsonString(writeId)),
        Updates.unset(PendingEffectsDocuments.FIELD)));
  }

  /** One unordered bulk write: the versions a debounced flush finished cost one round trip, not one each. */
  @Override
  public void effectsApplied(List<VersionRecord> done) {
    if (done.isEmpty()) {
      return;
    }
    List<UpdateOneModel<BsonDocument>> updates = done.stream().map(v -> new UpdateOneModel<BsonDocument>(
            new BsonDocument(VersionDocuments.ID, new BsonString(Keys.version(v.key(), v.ov())))
                .append(VersionDocuments.WRITE_ID, new BsonString(v.writeId())),
            Updates.unset(PendingEffectsDocuments.FIELD)))
        .toList();
    errors.run("mark the after-commit work of " + done.size() + " versions done",
        () -> versions.bulkWrite(updates, new BulkWriteOptions().ordered(false)));
  }

  private static List<String> versionIds(ItemKey key, Collection<Long> ovs) {
    return new TreeSet<>(ovs).stream().map(ov -> Keys.version(key, ov)).toList();
  }

  @Override
  public void rememberPrunedRequests(List<PrunedRequest> requests) {
    Objects.requireNonNull(requests, "requests");
    for (PrunedRequest request : requests) {
      BsonDocument doc = PrunedRequestDocuments.toDocument(request);
      errors.run("remember pruned request " + request.requestId() + " of " + request.key(),
          () -> prunedRequests.replaceOne(Filters.eq(PrunedRequestDocuments.ID, doc.get(PrunedRequestDocuments.ID)), doc,
              new ReplaceOptions().upsert(true)));
    }
  }

  @Override
  public Optional<PrunedRequest> findPrunedRequest(RouteContext collection, String requestId, Instant now) {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(requestId, "requestId");
    return errors.call("look up pruned request " + requestId + " in " + collection,
        () -> Optional.ofNullable(prunedRequests.find(Filters.and(
                Filters.eq(PrunedRequestDocuments.ID, Keys.request(collection, requestId)),
                Filters.gt(PrunedRequestDocuments.EXPIRES_AT, BsonJson.date(now)))).first())
            .map(PrunedRequestDocuments::toRecord));
  }
  /** A range on {@code _id} ({@code tenant/db/collection/requestId}): the _id index serves it, in request id order. */
  @Override
  public List<PrunedRequest> prunedRequests(RouteContext collection, Optional<String> afterRequestId, int limit,
      Instant now) {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(afterRequestId, "afterRequestId");
    Bson from = afterRequestId.isPresent()
        ? Filters.gt(PrunedRequestDocuments.ID, Keys.request(collection, afterRequestId.get()))
        : Filters.gte(PrunedRequestDocuments.ID, Keys.itemPrefix(collection));
    return errors.call("list the pruned request memos of " + collection, () -> {
      List<PrunedRequest> out = new ArrayList<>();
      prunedRequests.find(Filters.and(from, Filters.lt(PrunedRequestDocuments.ID, Keys.itemPrefixEnd(collection)),
              Filters.gt(PrunedRequestDocuments.EXPIRES_AT, BsonJson.date(now))))
          .sort(Sorts.ascending(PrunedRequestDocuments.ID))
          .limit(limit)
          .forEach(doc -> out.add(PrunedRequestDocuments.toRecord(doc)));
      return out;
    });
  }


  private Optional<VersionRecord> findOne(Bson filter) {
    return Optional.ofNullable(versions.find(filter).first()).map(VersionDocuments::toRecord);
  }

  private Optional<VersionRecord> newest(Bson filter) {
    return Optional.ofNullable(versions.find(filter).sort(Sorts.descending(VersionDocuments.OV)).first())
        .map(VersionDocuments::toRecord);
  }

  /** The record, version or burned cv, holding {@code cv} of the collection. */
  private static Bson atCv(RouteContext collection, long cv) {
    return Filters.and(RecordFields.scopeFilter(collection), Filters.eq(VersionDocuments.CV, cv));
  }

  private void dropIndexIfPresent(String name) {
    for (BsonDocument index : versions.listIndexes(BsonDocument.class)) {
      if (index.containsKey("name") && name.equals(index.getString("name").getValue())) {
        versions.dropIndex(name);
        return;
      }
    }
  }

  private static Bson byItem(ItemKey key) {
    return Filters.eq(VersionDocuments.ITEM, Keys.item(key));
  }

  /**
   * {@code _id} starting with {@code item/}: object ids hold no {@code /}, so no other item's
   * versions, and no burned cv ({@code collection#cv/n}), share that prefix.
   */
  private static Bson allVersionsOf(ItemKey key) {
    return Filters.regex(VersionDocuments.ID, "^" + literalRegex(Keys.item(key) + "/"));
  }

  /** Names are ASCII letters, digits and a few marks: a backslash before each mark makes it literal in PCRE and Java. */
  private static String literalRegex(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static Bson byVersion(ItemKey key, long ov) {
    return Filters.eq(VersionDocuments.ID, Keys.version(key, ov));
  }

  private static Bson byRequest(RouteContext collection, String requestId) {
    return Filters.eq(VersionDocuments.REQUEST_KEY, Keys.request(collection, requestId));
  }
}
