package io.udm.adapter.mongo;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.udm.api.json.JsonValues;
import io.udm.spi.HeadQuery;
import io.udm.spi.HeadRecord;
import io.udm.spi.ListPosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * Runs a {@link HeadQuery}: one page of a collection's heads in {@link JsonValues#SORT_ORDER} of the
 * sort value, then the object id, strictly after the keyset position. With a sort field the page is
 * filled bracket by bracket ({@link SortBracket}), starting in the bracket of the position.
 */
final class HeadListing {
  private static final String ID = HeadDocuments.ID;
  private static final String META_PREFIX = HeadDocuments.META + ".";

  private final MongoCollection<BsonDocument> heads;

  HeadListing(MongoCollection<BsonDocument> heads) {
    this.heads = heads;
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
    Bson filter = query.after()
        .map(position -> Filters.and(scope, afterId(query, position)))
        .orElse(scope);
    return fetch(filter, direction(query.ascending(), ID), query.limit());
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
    for (SortBracket bracket : brackets) {
      started = started || bracket == start.get();
      int remaining = query.limit() - page.size();
      if (!started || remaining == 0) {
        continue;
      }
      Optional<ListPosition> after = start.filter(bracket::equals).flatMap(b -> query.after());
      Bson members = Filters.and(scope, bracket.members(path));
      page.addAll(bracket.serverSorted()
          ? serverSorted(query, bracket, path, members, after, remaining)
          : sortedHere(query, field, path, members, after, remaining));
    }
    return page;
  }

  private List<HeadRecord> serverSorted(
      HeadQuery query, SortBracket bracket, String path, Bson members, Optional<ListPosition> after, int limit) {
    if (bracket.singleValued()) {
      Bson filter = after.map(position -> Filters.and(members, afterId(query, position))).orElse(members);
      return fetch(filter, direction(query.ascending(), ID), limit);
    }
    Bson filter = after.map(position -> Filters.and(members, afterValue(query, path, position))).orElse(members);
    return fetch(filter, direction(query.ascending(), path, ID), limit);
  }

  /** Past the position: a greater value, or the same value and a greater object id (mirrored when descending). */
  private static Bson afterValue(HeadQuery query, String path, ListPosition position) {
    BsonValue value = BsonJson.toBson(position.sortValue());
    Bson beyondValue = query.ascending() ? Filters.gt(path, value) : Filters.lt(path, value);
    return Filters.or(beyondValue, Filters.and(MetaFilter.eq(path, value), afterId(query, position)));
  }

  private static Bson afterId(HeadQuery query, ListPosition position) {
    String id = Keys.itemPrefix(query.collection()) + position.objectId();
    return query.ascending() ? Filters.gt(ID, id) : Filters.lt(ID, id);
  }

  /**
   * Objects, arrays and binaries: reads the bracket's ids and sort values only, orders them by {@code
   * SORT_ORDER} here, then loads the page's heads. Costs a pass over the bracket's matching heads,
   * which only sort fields holding such values pay.
   */
  private List<HeadRecord> sortedHere(
      HeadQuery query, String field, String path, Bson members, Optional<ListPosition> after, int limit) {
    Comparator<Keyed> order = Comparator.comparing(Keyed::value, JsonValues.SORT_ORDER).thenComparing(Keyed::objectId);
    Comparator<Keyed> directed = query.ascending() ? order : order.reversed();
    Optional<Keyed> position = after.map(p -> new Keyed(null, p.objectId(), p.sortValue()));
    List<Keyed> keyed = new ArrayList<>();
    for (BsonDocument doc : heads.find(members).projection(Projections.include(ID, HeadDocuments.OBJECT_ID, path))) {
      JsonNode value = JsonValues.at(BsonJson.toObject(doc.getDocument(HeadDocuments.META)), field)
          .orElse(JsonValues.NODES.nullNode());
      keyed.add(new Keyed(doc.get(ID), doc.getString(HeadDocuments.OBJECT_ID).getValue(), value));
    }
    List<BsonValue> ids = keyed.stream()
        .filter(candidate -> position.map(p -> directed.compare(candidate, p) > 0).orElse(true))
        .sorted(directed)
        .limit(limit)
        .map(Keyed::id)
        .toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<BsonValue, HeadRecord> byId = new HashMap<>();
    heads.find(Filters.in(ID, ids)).forEach(doc -> byId.put(doc.get(ID), HeadDocuments.toRecord(doc)));
    // A head deleted between the two reads is simply left out of the page.
    return ids.stream().map(byId::get).filter(head -> head != null).toList();
  }

  private List<HeadRecord> fetch(Bson filter, Bson sort, int limit) {
    List<HeadRecord> out = new ArrayList<>();
    heads.find(filter).sort(sort).limit(limit).forEach(doc -> out.add(HeadDocuments.toRecord(doc)));
    return out;
  }

  private static Bson direction(boolean ascending, String... fields) {
    return ascending ? Sorts.ascending(fields) : Sorts.descending(fields);
  }

  /** A head's id, object id and sort value, for sorting a bracket here. */
  private record Keyed(BsonValue id, String objectId, JsonNode value) {}
}
