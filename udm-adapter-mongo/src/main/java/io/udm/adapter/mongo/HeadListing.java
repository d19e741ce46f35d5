package io.udm.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.udm.api.json.JsonValues;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.ListPosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * Runs a {@link HeadQuery}: one page of a collection's heads in {@link JsonValues#SORT_ORDER} of the
 * sort value, then the object id, strictly after the keyset position. With a sort field the page is
 * filled bracket by bracket ({@link SortBracket}), starting in the bracket of the position; every
 * bracket is sorted and paged by the server (objects, arrays and binaries on their {@link
 * SortKeys}), so a page reads at most {@code limit} heads.
 */
final class HeadListing {
  private static final String ID = HeadDocuments.ID;
  private static final String META_PREFIX = HeadDocuments.META + ".";

  private final MongoCollection<BsonDocument> heads;
  private final SortKeyBackfill backfill;

  HeadListing(MongoCollection<BsonDocument> heads) {
    this.heads = heads;
    this.backfill = new SortKeyBackfill(heads);
  }

  List<HeadRecord> page(HeadQuery query) {
    if (query.limit() < 1) {
      throw new IllegalArgumentException("a head query needs a limit of at least 1, got " + query.limit());
    }
    Bson scope = scope(query);
    return query.sortField().isEmpty() ? byObjectId(query, scope) : bySortField(query, query.sortField().get(), scope);
  }

  /** The collection's heads (an _id range, see {@link Keys#itemPrefixEnd}) that pass the filter. */
  private static Bson scope(HeadQuery query) {
    List<Bson> parts = new ArrayList<>();
    parts.add(Filters.gte(ID, Keys.itemPrefix(query.collection())));
    parts.add(Filters.lt(ID, Keys.itemPrefixEnd(query.collection())));
    Bson filter = MetaFilter.translate(query.filter(), META_PREFIX);
    if (filter != MetaFilter.MATCH_ALL) {
      parts.add(filter);
    }
    if (!query.includeDeleted()) {
      parts.add(Filters.ne(RecordFields.DELETED, true));
    }
    return Filters.and(parts);
  }

  private List<HeadRecord> byObjectId(HeadQuery query, Bson scope) {
    return sortedBy(ID, scope, query.after().map(position -> afterId(query, position)), query.ascending(), query.limit());
  }

  private List<HeadRecord> bySortField(HeadQuery query, String field, Bson scope) {
    String path = META_PREFIX + field;
    List<SortBracket> brackets = new ArrayList<>(Arrays.asList(SortBracket.values()));
    if (!query.ascending()) {
      Collections.reverse(brackets);
    }
    Optional<SortBracket> start = query.after().map(position -> SortBracket.of(position.sortValue()));
    List<HeadRecord> page = new ArrayList<>();
    boolean started = start.isEmpty();
    boolean keysComplete = false;
    for (SortBracket bracket : brackets) {
      started = started || bracket == start.get();
      int remaining = query.limit() - page.size();
      if (!started || remaining == 0) {
        continue;
      }
      Optional<ListPosition> after = start.filter(bracket::equals).flatMap(b -> query.after());
      if (bracket.sortedByKey()) {
        if (!keysComplete) {
          backfill.giveKeysToOlderHeads(query.collection());
          keysComplete = true;
        }
        // Objects, arrays, binaries: sorted and paged on the heads' sort keys, plain strings.
        String keyField = SortKeys.field(field);
        page.addAll(sortedBy(keyField, Filters.and(scope, bracket.keyRange(keyField)),
            after.map(position -> afterKey(query, keyField, position)), query.ascending(), remaining));
      } else if (bracket.singleValued()) {
        page.addAll(sortedBy(ID, Filters.and(scope, bracket.members(path)),
            after.map(position -> afterId(query, position)), query.ascending(), remaining));
      } else {
        page.addAll(sortedBy(path, Filters.and(scope, bracket.members(path)),
            after.map(position -> afterValue(query, path, position)), query.ascending(), remaining));
      }
    }
    return page;
  }

  /** Up to {@code limit} of {@code members} past the position, sorted by {@code field} then the id. */
  private List<HeadRecord> sortedBy(String field, Bson members, Optional<Bson> pastPosition, boolean ascending, int limit) {
    Bson filter = pastPosition.map(past -> Filters.and(members, past)).orElse(members);
    return fetch(filter, field.equals(ID) ? direction(ascending, ID) : direction(ascending, field, ID), limit);
  }

  /** Past the position: a greater value, or the same value and a greater object id (mirrored when descending). */
  private static Bson afterValue(HeadQuery query, String path, ListPosition position) {
    BsonValue value = BsonJson.toBson(position.sortValue());
    Bson beyondValue = query.ascending() ? Filters.gt(path, value) : Filters.lt(path, value);
    return Filters.or(beyondValue, Filters.and(MetaFilter.eq(path, value), afterId(query, position)));
  }

  private static Bson afterKey(HeadQuery query, String keyField, ListPosition position) {
    String key = SortKeys.key(position.sortValue());
    Bson beyondKey = query.ascending() ? Filters.gt(keyField, key) : Filters.lt(keyField, key);
    return Filters.or(beyondKey, Filters.and(Filters.eq(keyField, key), afterId(query, position)));
  }

  private static Bson afterId(HeadQuery query, ListPosition position) {
    String id = Keys.itemPrefix(query.collection()) + position.objectId();
    return query.ascending() ? Filters.gt(ID, id) : Filters.lt(ID, id);
  }

  private List<HeadRecord> fetch(Bson filter, Bson sort, int limit) {
    List<HeadRecord> out = new ArrayList<>();
    heads.find(filter).sort(sort).limit(limit).forEach(doc -> out.add(HeadDocuments.toRecord(doc)));
    return out;
  }

  private static Bson direction(boolean ascending, String... fields) {
    return ascending ? Sorts.ascending(fields) : Sorts.descending(fields);
  }
}
