package io.udm.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.udm.api.RouteContext;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.conversions.Bson;

/**
 * Gives {@link SortKeys} to the heads of a collection that were written before sort keys existed
 * (they lack {@code sortKeysFormat}), so a listing on sort keys misses none of them. A listing that
 * reaches a bracket sorted by key calls it first: with nothing to do that is one query served by the
 * {@code sortKeysFormat} index and returning nothing; otherwise the older heads are updated once, a
 * page at a time. Each update matches the head's ov, so a head a writer moved meanwhile keeps the
 * keys its writer gave it; only a process of an older release, writing heads without keys during a
 * rolling upgrade, can leave one out of a page until the next listing gives it its keys.
 */
final class SortKeyBackfill {
  private static final System.Logger LOG = System.getLogger(SortKeyBackfill.class.getName());
  private static final int PAGE = 500;

  private final MongoCollection<BsonDocument> heads;

  SortKeyBackfill(MongoCollection<BsonDocument> heads) {
    this.heads = heads;
  }

  void giveKeysToOlderHeads(RouteContext collection) {
    Bson withoutKeys = Filters.and(
        Filters.gte(HeadDocuments.ID, Keys.itemPrefix(collection)),
        Filters.lt(HeadDocuments.ID, Keys.itemPrefixEnd(collection)),
        Filters.exists(SortKeys.FORMAT, false));
    long updated = 0;
    BsonString afterId = null;
    while (true) {
      Bson filter = afterId == null ? withoutKeys : Filters.and(withoutKeys, Filters.gt(HeadDocuments.ID, afterId));
      List<BsonDocument> page = heads.find(filter)
          .projection(Projections.include(HeadDocuments.ID, HeadDocuments.OV, HeadDocuments.META))
          .sort(Sorts.ascending(HeadDocuments.ID))
          .limit(PAGE)
          .into(new ArrayList<>());
      for (BsonDocument head : page) {
        BsonDocument keys = SortKeys.of(BsonJson.toObject(head.getDocument(HeadDocuments.META)));
        updated += heads.updateOne(
            Filters.and(Filters.eq(HeadDocuments.ID, head.get(HeadDocuments.ID)),
                Filters.eq(HeadDocuments.OV, head.get(HeadDocuments.OV))),
            Updates.combine(Updates.set(SortKeys.FIELD, keys), Updates.set(SortKeys.FORMAT, SortKeys.CURRENT_FORMAT)))
            .getModifiedCount();
      }
      if (page.size() < PAGE) {
        break;
      }
      afterId = page.get(page.size() - 1).getString(HeadDocuments.ID);
    }
    if (updated > 0) {
      LOG.log(Level.INFO, "gave sort keys to {0} heads of {1} written before sort keys existed", updated, collection);
    }
  }
}
